package dev.cairn.perf.gatling;

/**
 * Write mix B held for a long {@code cairn.perf.duration} at a modest rate, printing a progress
 * line every {@code cairn.perf.progress} seconds (default 30). The induced damage and repair
 * during the soak is the orchestrator's job, on the server's data directory; this class only
 * keeps the load on and records it.
 */
public class Soak extends PerfSimulation {
    public Soak() {
        super("Soak", 30, true, m -> m::writeB);
    }
}
