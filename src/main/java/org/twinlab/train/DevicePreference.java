package org.twinlab.train;

import org.twinlab.util.Choice;

/** Where a run trains: the GPU when there is one ({@link #AUTO}), or one of the two by request. */
public enum DevicePreference implements Choice {
    AUTO("auto"),
    CPU("cpu"),
    GPU("gpu");

    private final String key;

    DevicePreference(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
