package org.twinlab.train;

import ai.djl.Device;
import ai.djl.engine.Engine;

/** The one place a run's device is chosen: the GPU when there is one (or when asked), else the CPU. */
public final class Devices {
    private Devices() {
    }

    public static Device select(String preference) {
        int gpus = Engine.getInstance().getGpuCount();
        return switch (preference == null ? "auto" : preference) {
            case "cpu" -> Device.cpu();
            case "gpu" -> {
                if (gpus == 0) {
                    throw new IllegalArgumentException("device: gpu was asked for but the PyTorch engine sees no GPU "
                            + "(the Maven build ships the CPU library; see the README's GPU section)");
                }
                yield Device.gpu();
            }
            default -> gpus > 0 ? Device.gpu() : Device.cpu();
        };
    }

    /** A short name for the status bar: "CPU" or "GPU 0 (cuda)". */
    public static String describe(Device device) {
        return device.isGpu() ? "GPU " + device.getDeviceId() + " (" + Engine.getInstance().getEngineName() + ", CUDA)" : "CPU";
    }
}
