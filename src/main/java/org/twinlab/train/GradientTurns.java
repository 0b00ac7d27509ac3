package org.twinlab.train;

import java.util.concurrent.locks.ReentrantLock;

/**
 * DJL's PyTorch engine allows one {@code GradientCollector} at a time in a process (a static flag in
 * {@code PtGradientCollector}; a second fails with "already collecting"). Two runs trained in one process (a race)
 * therefore take turns at each step's forward and backward pass: fairly, so each gets about half the machine. The
 * rest of a step (the update, the read-back, the snapshot) and the augmentation run without waiting; one run alone
 * never waits. The engine's random generator is one a process too: a run seeds it and draws its initial weights
 * inside a turn, so a raced run starts from the weights it would have alone.
 */
final class GradientTurns {
    private static final ReentrantLock LOCK = new ReentrantLock(true);

    private GradientTurns() {
    }

    static void take() {
        LOCK.lock();
    }

    static void give() {
        LOCK.unlock();
    }
}
