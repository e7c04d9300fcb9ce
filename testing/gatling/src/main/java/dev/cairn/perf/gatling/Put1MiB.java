package dev.cairn.perf.gatling;

/**
 * New 1 MiB PUTs with unique content, nothing else: the workload of the goal "PUT 1 MiB
 * (digest-on-write) at 1.5x S3Proxy's req/s at 16 concurrent clients" (closed loop,
 * {@code cairn.perf.concurrency=16}). Over OAP every body is a new blob (201).
 */
public class Put1MiB extends PerfSimulation {
    public Put1MiB() {
        super("Put1MiB", 0, true, m -> m::put1m);
    }
}
