package org.twinlab.train;

/**
 * Linear warm-up from 0, then either constant or the official cosine decay to 1/1000 of the base rate:
 * {@code q = (1 + cos(pi * t)) / 2, lr = base * q + base/1000 * (1 - q)}. A function of the step alone,
 * so a resumed run continues on the same curve.
 */
public record LearningRateSchedule(Schedule kind, int warmupSteps, int totalSteps) {

    public double factor(int step) {
        if (step < warmupSteps) {
            return (step + 1.0) / warmupSteps;
        }
        if (kind == Schedule.CONSTANT) {
            return 1.0;
        }
        int span = Math.max(1, totalSteps - warmupSteps);
        double t = Math.min(1.0, (double) (step - warmupSteps) / span);
        double q = 0.5 * (1 + Math.cos(Math.PI * t));
        return q + 0.001 * (1 - q);
    }
}
