package org.twinlab.train;

import org.twinlab.util.Choice;

/** What the learning rate does after the warm-up. */
public enum Schedule implements Choice {
    CONSTANT("constant"),
    COSINE("cosine");

    private final String key;

    Schedule(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
