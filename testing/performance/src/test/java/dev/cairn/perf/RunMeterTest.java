package dev.cairn.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.bench.multipart.ProcCounters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunMeterTest {
    private static final long S = 1_000_000_000L;
    private static final long HZ = ProcCounters.TICKS_PER_SECOND;

    /** Server: 1 tick/s for 5 s of warm-up, then 10 ticks/s for 10 s; load generator 2 ticks/s throughout. */
    private static List<RunMeter.Sample> samples() {
        return List.of(
                new RunMeter.Sample(0, 0, 0, 1000),
                new RunMeter.Sample(5 * S, 5, 10, 3000),
                new RunMeter.Sample(10 * S, 55, 20, 2000),
                new RunMeter.Sample(15 * S, 105, 30, 2500));
    }

    @Test
    void cpuIsTakenOverTheMeasuredWindowOnly() {
        RunMeter.Result r = RunMeter.compute(samples(), 15 * S, 10, 4096, true);
        assertTrue(r.windowFound());
        assertEquals(100.0 / HZ, r.serverCpuSeconds(), 1e-9);
        assertEquals(105.0 / HZ, r.serverCpuSecondsWholeRun(), 1e-9);
        assertEquals(20.0 / HZ, r.loadGeneratorCpuSeconds(), 1e-9);
        assertEquals(3000, r.sampledPeakRssKiB());
        assertEquals(4096, r.peakRssKiB());
    }

    @Test
    void theWindowIsInterpolatedBetweenSamples() {
        // the measured phase ended at 12.5 s and lasted 5 s: from 7.5 s (30 ticks) to 12.5 s (80 ticks)
        RunMeter.Result r = RunMeter.compute(samples(), 12 * S + S / 2, 5, 0, true);
        assertEquals(50.0 / HZ, r.serverCpuSeconds(), 1e-9);
    }

    @Test
    void withoutTheEndOfTheMeasuredPhaseTheWholeRunCounts() {
        RunMeter.Result r = RunMeter.compute(samples(), -1, 10, 0, false);
        assertFalse(r.windowFound());
        assertFalse(r.peakReset());
        assertEquals(105.0 / HZ, r.serverCpuSeconds(), 1e-9);
    }

    @Test
    void measuresARealProcess(@TempDir Path dir) throws Exception {
        // a busy child: the meter must see its CPU and its RSS
        Process busy = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
        try {
            Path result = dir.resolve("result.json");
            RunMeter meter = new RunMeter(busy.pid(), result);
            Thread.sleep(1200);
            Files.writeString(result, "{}");
            Thread.sleep(400);
            RunMeter.Result r = meter.finish(1.0);
            assertTrue(r.windowFound());
            assertTrue(r.serverCpuSecondsWholeRun() > 0.1, "CPU seen: " + r);
            assertTrue(r.serverCpuSeconds() > 0, "CPU in the window: " + r);
            assertTrue(r.peakRssKiB() > 0 && r.sampledPeakRssKiB() > 0, r.toString());
        } finally {
            busy.destroyForcibly().waitFor();
        }
    }
}
