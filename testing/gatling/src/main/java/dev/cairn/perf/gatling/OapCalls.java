package dev.cairn.perf.gatling;

import java.util.HashMap;
import java.util.Map;

/**
 * OAP requests (docs/oap-api.md): reads are public GETs of {@code /o/b3:<hex>}; writes are
 * {@code PUT /put} with the bearer write token, answered 201 (new) or 200 (already stored).
 * Rejections: a gzip body inflating past {@code oap.max-inflate-ratio} (413), 1 MiB + 1 byte over
 * {@code oap.max-body} (413), and 512 MiB of zeros gzipped to about 0.5 MiB (413).
 */
final class OapCalls implements ApiCalls {
    private final Bodies bodies;
    private final String bearer;
    private final byte[] ratioCap = Bodies.gzippedZeros(Bodies.MIB);
    private final byte[] overCap = new byte[Bodies.MIB + 1];
    private volatile byte[] bomb;

    OapCalls(PerfConfig cfg, Bodies bodies) {
        this.bodies = bodies;
        this.bearer = "Bearer " + cfg.oapToken;
    }

    @Override
    public Call read(Route route, String method, String path, String range) {
        return new Call(route, method, path, range == null ? Map.of() : Map.of("Range", range), null);
    }

    @Override
    public Call put(boolean gzip) {
        Map<String, String> h = new HashMap<>();
        h.put("Authorization", bearer);
        h.put("Content-Type", "application/octet-stream");
        if (gzip) {
            h.put("Content-Encoding", "gzip");
        }
        return new Call(gzip ? Route.PUT_GZIP : Route.PUT, "PUT", "/put", h, gzip ? bodies.pooledGzip() : bodies.uniquePlain());
    }

    @Override
    public Call rejection() {
        return new Call(Route.RATIO_CAP, "PUT", "/put", Map.of("Authorization", bearer, "Content-Encoding", "gzip"), ratioCap);
    }

    @Override
    public Call overCap() {
        return new Call(Route.OVER_CAP, "PUT", "/put", Map.of("Authorization", bearer), overCap);
    }

    @Override
    public Call bomb() {
        return new Call(Route.BOMB, "PUT", "/put", Map.of("Authorization", bearer, "Content-Encoding", "gzip"), bombBody());
    }

    private byte[] bombBody() {
        byte[] b = bomb;
        if (b == null) {
            synchronized (this) {
                if (bomb == null) {
                    bomb = Bodies.gzippedZeros(512L * Bodies.MIB);
                }
                b = bomb;
            }
        }
        return b;
    }

    /** Builds the bomb now (about 1-2 s of CPU). */
    @Override
    public void prepareAbuse() {
        bombBody();
    }
}
