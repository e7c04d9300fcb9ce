package dev.cairn.perf.gatling;

/**
 * Whole GETs of the seeded hot 64 KiB objects, nothing else: the workload of the goal "GET 64 KiB
 * from cache at 80% of nginx's req/s". Run it closed-loop ({@code cairn.perf.concurrency}) to
 * find the ceiling; the route is {@code GET full}.
 */
public class Get64k extends PerfSimulation {
    public Get64k() {
        super("Get64k", 0, false, m -> m::get64k);
    }
}
