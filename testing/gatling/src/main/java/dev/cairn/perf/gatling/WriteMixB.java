package dev.cairn.perf.gatling;

/**
 * Write mix B (see {@link Mixes}): mix A for 90% of requests, new 1 MiB PUTs for 9% (half with
 * {@code Content-Encoding: gzip}), rejections for 1% ({@code PUT ratio-cap} over OAP,
 * {@code PUT bad-checksum} over S3). Plain bodies are unique per request; gzip bodies come from a
 * pool of {@value Bodies#POOL} pre-compressed bodies, so over OAP they repeat after the pool and
 * are then answered 200 (already stored) instead of 201.
 */
public class WriteMixB extends PerfSimulation {
    public WriteMixB() {
        super("WriteMixB", 0, true, m -> m::writeB);
    }
}
