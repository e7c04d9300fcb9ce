package dev.cairn.perf.gatling;

/**
 * Builds each kind of request for one API. Implementations: {@link OapCalls} (bearer token) and
 * {@link S3Calls} (SigV4-signed, path style). All methods are thread-safe.
 */
interface ApiCalls {
    /** A GET (with {@code range}, an HTTP Range value, or null for the whole object) or HEAD of a seeded path. */
    Call read(Route route, String method, String path, String range);

    /** A new 1 MiB object; {@code gzip} sends a pre-compressed body with Content-Encoding: gzip. */
    Call put(boolean gzip);

    /** The ~1% rejection of write mix B: OAP {@code PUT ratio-cap}, S3 {@code PUT bad-checksum}. */
    Call rejection();

    /** {@code PUT over-cap} of the abuse mix. */
    Call overCap();

    /** {@code PUT bomb} of the abuse mix. */
    Call bomb();

    /** Builds what the abuse mix needs ahead of the load, so that no request pays for it. */
    default void prepareAbuse() {
    }

    /** Creates this API's caller from the configuration. */
    static ApiCalls create(PerfConfig cfg, Bodies bodies) {
        return cfg.api == PerfConfig.Api.S3 ? new S3Calls(cfg, bodies) : new OapCalls(cfg, bodies);
    }
}
