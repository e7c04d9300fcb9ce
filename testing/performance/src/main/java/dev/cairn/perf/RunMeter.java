package dev.cairn.perf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures one run: samples the server's process tree (CPU ticks, RSS) and the load generator's
 * CPU every 200 ms on its own thread, resets the server's peak RSS at the start, and notes when
 * the simulation's result file appears, which is when its measured phase ended. CPU is then taken
 * over the measured window only ({@code [end - elapsed, end]}, interpolated between samples), so
 * the warm-up's requests and the load generator's start-up are not charged to the run.
 */
final class RunMeter implements AutoCloseable {
    private static final long PERIOD_MS = 200;

    /** One sample: time, cumulative CPU ticks of the server tree and of the load generator, summed RSS. */
    record Sample(long nanos, long serverTicks, long loadTicks, long rssKiB) {
    }

    /**
     * What a run cost.
     *
     * @param serverCpuSeconds the server tree's CPU over the measured window
     * @param serverCpuSecondsWholeRun including the warm-up
     * @param loadGeneratorCpuSeconds the load generator's CPU over the measured window
     * @param peakRssKiB summed {@code VmHWM} at the end (since the reset, if {@code peakReset})
     * @param peakReset whether every {@code clear_refs} reset was accepted
     * @param sampledPeakRssKiB the largest summed {@code VmRSS} seen by the 200 ms sampler
     * @param windowFound whether the end of the measured phase was seen (else the whole run is the window)
     */
    record Result(double serverCpuSeconds, double serverCpuSecondsWholeRun, double loadGeneratorCpuSeconds,
                  long peakRssKiB, boolean peakReset, long sampledPeakRssKiB, boolean windowFound) {
    }

    private final long serverPid;
    private final Path resultFile;
    private final AtomicLong loadPid = new AtomicLong(-1);
    private final List<Sample> samples = new ArrayList<>();
    private final boolean peakReset;
    private final Thread sampler;
    private volatile boolean stopped;
    private volatile long resultSeenNanos = -1;

    /** Resets the server's peak RSS and starts sampling. */
    RunMeter(long serverPid, Path resultFile) {
        this.serverPid = serverPid;
        this.resultFile = resultFile;
        this.peakReset = ProcessTree.resetPeak(ProcessTree.members(serverPid));
        sample();
        this.sampler = new Thread(this::loop, "run-meter");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** The load generator's pid, once it runs. */
    void loadGenerator(long pid) {
        loadPid.set(pid);
    }

    private void loop() {
        while (!stopped) {
            try {
                Thread.sleep(PERIOD_MS);
            } catch (InterruptedException e) {
                return;
            }
            sample();
        }
    }

    private void sample() {
        List<Long> server = ProcessTree.members(serverPid);
        long load = loadPid.get();
        long loadTicks = load < 0 ? 0 : ProcessTree.cpuTicks(List.of(load));
        Sample s = new Sample(System.nanoTime(), ProcessTree.cpuTicks(server), loadTicks, ProcessTree.statusKiB(server, "VmRSS"));
        if (resultSeenNanos < 0 && Files.exists(resultFile)) {
            resultSeenNanos = s.nanos();
        }
        synchronized (samples) {
            // a load generator that has exited reads 0: keep its last value so the series stays cumulative
            if (!samples.isEmpty() && load >= 0 && loadTicks < samples.get(samples.size() - 1).loadTicks()) {
                s = new Sample(s.nanos(), s.serverTicks(), samples.get(samples.size() - 1).loadTicks(), s.rssKiB());
            }
            samples.add(s);
        }
    }

    /**
     * Stops sampling and computes the run's costs.
     *
     * @param elapsedSeconds the measured phase's length as the simulation reports it, or 0 if unknown
     */
    Result finish(double elapsedSeconds) {
        close();
        sample();
        List<Long> server = ProcessTree.members(serverPid);
        long hwm = ProcessTree.statusKiB(server, "VmHWM");
        List<Sample> all;
        synchronized (samples) {
            all = List.copyOf(samples);
        }
        return compute(all, resultSeenNanos, elapsedSeconds, hwm, peakReset);
    }

    static Result compute(List<Sample> all, long endNanos, double elapsedSeconds, long hwmKiB, boolean peakReset) {
        Sample first = all.get(0);
        Sample last = all.get(all.size() - 1);
        boolean window = endNanos >= 0 && elapsedSeconds > 0;
        long end = window ? endNanos : last.nanos();
        long start = window ? Math.max(first.nanos(), end - (long) (elapsedSeconds * 1e9)) : first.nanos();
        double server = ProcessTree.seconds(1) * (at(all, end, true) - at(all, start, true));
        double load = ProcessTree.seconds(1) * (at(all, end, false) - at(all, start, false));
        long sampledPeak = all.stream().mapToLong(Sample::rssKiB).max().orElse(0);
        return new Result(server, ProcessTree.seconds(last.serverTicks() - first.serverTicks()), load,
                hwmKiB, peakReset, sampledPeak, window);
    }

    /** The cumulative ticks at {@code t}, linear between the samples around it. */
    static double at(List<Sample> all, long t, boolean server) {
        Sample before = all.get(0);
        for (Sample s : all) {
            if (s.nanos() >= t) {
                long v0 = server ? before.serverTicks() : before.loadTicks();
                long v1 = server ? s.serverTicks() : s.loadTicks();
                if (s.nanos() == before.nanos()) {
                    return v1;
                }
                return v0 + (v1 - v0) * (double) (t - before.nanos()) / (s.nanos() - before.nanos());
            }
            before = s;
        }
        return server ? before.serverTicks() : before.loadTicks();
    }

    @Override
    public void close() {
        stopped = true;
        sampler.interrupt();
        try {
            sampler.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
