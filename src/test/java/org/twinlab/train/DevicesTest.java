package org.twinlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

/** What the device selection says when a GPU cannot be used, for each thing that can be missing. */
class DevicesTest {
    @Test
    void eachMissingPieceIsNamed() {
        String noDriver = Devices.whyNoGpu(false, "/root/.djl.ai/pytorch/2.7.1-cpu-linux-x86_64");
        assertTrue(noDriver.contains("no NVIDIA driver"), noDriver);
        String cpuBuild = Devices.whyNoGpu(true, "/root/.djl.ai/pytorch/2.7.1-cpu-linux-x86_64");
        assertTrue(cpuBuild.contains("CPU build") && cpuBuild.contains("./twinlab --gpu")
                && cpuBuild.contains("PYTORCH_LIBRARY_PATH"), cpuBuild);
        String noRuntime = Devices.whyNoGpu(true, "/root/.djl.ai/pytorch/2.7.1-cu128-linux-x86_64");
        assertTrue(noRuntime.contains("CUDA build") && noRuntime.contains("sees no GPU"), noRuntime);
    }

    @Test
    void onThisCpuMachineAutoPicksTheCpuAndGpuIsRefused() {
        assertEquals(Device.cpu(), Devices.select(DevicePreference.CPU));
        if (ai.djl.engine.Engine.getInstance().getGpuCount() == 0) {
            assertEquals(Device.cpu(), Devices.select(DevicePreference.AUTO));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Devices.select(DevicePreference.GPU));
            assertTrue(e.getMessage().startsWith("device: gpu was asked for but "), e.getMessage());
        }
    }
}
