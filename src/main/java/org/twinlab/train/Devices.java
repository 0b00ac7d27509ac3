package org.twinlab.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one place a run's device is chosen: the GPU when there is one (or when asked), else the CPU.
 * Every tensor's device comes from here, so the same code runs on both. When a GPU is asked for and
 * cannot be used, the message says what is missing, before any work.
 */
public final class Devices {
    private Devices() {
    }

    public static Device select(DevicePreference preference) {
        int gpus = engine().getGpuCount();
        return switch (preference == null ? DevicePreference.AUTO : preference) {
            case CPU -> Device.cpu();
            case GPU -> {
                if (gpus == 0) {
                    throw new IllegalArgumentException("device: gpu was asked for but " + whyNoGpu(
                            Files.exists(Path.of("/proc/driver/nvidia/version")) || onPath("nvidia-smi"),
                            libtorchPath()));
                }
                yield Device.gpu();
            }
            case AUTO -> gpus > 0 ? Device.gpu() : Device.cpu();
        };
    }

    /**
     * The PyTorch engine, loaded; a library that cannot be loaded or fetched is one line saying why and
     * what to do, not a stack trace from deep in the first step.
     */
    public static Engine engine() {
        try {
            return Engine.getInstance();
        } catch (RuntimeException | LinkageError e) {
            String cause = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            boolean offline = Boolean.getBoolean("ai.djl.offline");
            throw new IllegalArgumentException("the PyTorch library could not be loaded (" + cause + "): "
                    + (offline ? "the build's CPU library should be on the class path; rebuild with mvn package"
                    : "with --gpu, DJL downloads the CUDA build of libtorch 2.7.1 on first use, which needs network "
                    + "access; offline, set PYTORCH_LIBRARY_PATH to a CUDA libtorch 2.7.1 (README, GPU)"));
        }
    }

    /** What keeps the engine from a GPU, from whether a driver is present and which libtorch is loaded. */
    static String whyNoGpu(boolean driver, String libtorch) {
        boolean cpuBuild = libtorch == null || libtorch.contains("cpu");
        if (!driver) {
            return "this machine has no NVIDIA driver (no /proc/driver/nvidia/version, no nvidia-smi on the PATH); "
                    + "train with --device cpu";
        }
        if (cpuBuild) {
            return "the PyTorch library loaded is the CPU build (" + (libtorch == null ? "unknown" : libtorch)
                    + "): start Twinlab with ./twinlab --gpu (it lets DJL fetch the CUDA build of libtorch 2.7.1), or "
                    + "point PYTORCH_LIBRARY_PATH at a CUDA libtorch 2.7.1 (README, GPU)";
        }
        return "the CUDA build of libtorch is loaded (" + libtorch + ") but sees no GPU: check that nvidia-smi lists "
                + "one and that the CUDA runtime libraries are on the library path (README, GPU)";
    }

    private static String libtorchPath() {
        try {
            return ai.djl.pytorch.jni.LibUtils.getLibtorchPath();
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** A short name for the status bar: "CPU" or "GPU 0 (PyTorch, CUDA)". */
    public static String describe(Device device) {
        return device.isGpu() ? "GPU " + device.getDeviceId() + " (" + Engine.getInstance().getEngineName() + ", CUDA)" : "CPU";
    }
}
