package dev.cairn.perf.gatling;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * S3 requests, path style, SigV4-signed in the header ({@code host}, {@code x-amz-date} and
 * {@code x-amz-content-sha256} are signed; {@code UNSIGNED-PAYLOAD} for bodies, the empty-body
 * hash for GET and HEAD). Writes go to {@code /<bucket>/w-<run>-<n>}.
 *
 * <p>Rejections, all 400 and all answered by Cairn without storing anything:
 * <ul>
 *   <li>{@code PUT bad-checksum}: a 1 MiB body with the Content-MD5 of the empty body (BadDigest);
 *   <li>{@code PUT over-cap}: an aws-chunked upload whose {@code x-amz-decoded-content-length}
 *       is one byte over {@code s3.max-put-size} (EntityTooLarge, refused before the body is read;
 *       the real body is a few bytes, so no gigabytes cross the wire);
 *   <li>{@code PUT bomb}: an aws-chunked body whose first chunk header claims 1 GiB, more than the
 *       declared decoded length, followed by 256 KiB of bytes: malformed framing (IncompleteBody). S3 has no
 *       decompression, so this is the S3 counterpart of the OAP gzip bomb: a body that promises far
 *       more than it is.
 * </ul>
 * A bad signature is deliberately not used: the orchestrator fails any run with a 403.
 */
final class S3Calls implements ApiCalls {
    private static final String STREAMING_UNSIGNED_TRAILER = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";
    private static final String EMPTY_MD5_BASE64 = "1B2M2Y8AsgTpgAmY7PhCfg==";

    private final SigV4Signer signer;
    private final String host;
    private final String bucket;
    private final Bodies bodies;
    private final long maxPutSize;
    private final byte[] overCapBody = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private final byte[] bombBody;

    S3Calls(PerfConfig cfg, Bodies bodies) {
        this.signer = new SigV4Signer(cfg.accessKey, cfg.secretKey, cfg.region, "s3");
        this.host = cfg.hostHeader();
        this.bucket = cfg.bucket;
        this.bodies = bodies;
        this.maxPutSize = cfg.s3MaxPutSize;
        byte[] head = "40000000\r\n".getBytes(StandardCharsets.US_ASCII);
        bombBody = new byte[head.length + (256 << 10)];
        System.arraycopy(head, 0, bombBody, 0, head.length);
    }

    @Override
    public Call read(Route route, String method, String path, String range) {
        Map<String, String> h = signed(method, path, SigV4Signer.EMPTY_SHA256, Map.of());
        if (range != null) {
            h.put("Range", range);
        }
        return new Call(route, method, path, h, null);
    }

    @Override
    public Call put(boolean gzip) {
        String path = newKey();
        Map<String, String> h = signed("PUT", path, SigV4Signer.UNSIGNED_PAYLOAD, Map.of());
        h.put("Content-Type", "application/octet-stream");
        if (gzip) {
            h.put("Content-Encoding", "gzip");
        }
        return new Call(gzip ? Route.PUT_GZIP : Route.PUT, "PUT", path, h, gzip ? bodies.pooledGzip() : bodies.uniquePlain());
    }

    @Override
    public Call rejection() {
        String path = newKey();
        Map<String, String> h = signed("PUT", path, SigV4Signer.UNSIGNED_PAYLOAD, Map.of());
        h.put("Content-MD5", EMPTY_MD5_BASE64);
        return new Call(Route.BAD_CHECKSUM, "PUT", path, h, bodies.uniquePlain());
    }

    @Override
    public Call overCap() {
        return chunked(Route.OVER_CAP, maxPutSize + 1, overCapBody);
    }

    @Override
    public Call bomb() {
        return chunked(Route.BOMB, Bodies.MIB, bombBody);
    }

    private Call chunked(Route route, long decodedLength, byte[] body) {
        String path = newKey();
        Map<String, String> extra = Map.of("x-amz-decoded-content-length", Long.toString(decodedLength));
        Map<String, String> h = signed("PUT", path, STREAMING_UNSIGNED_TRAILER, extra);
        h.put("Content-Encoding", "aws-chunked");
        return new Call(route, "PUT", path, h, body);
    }

    private String newKey() {
        return "/" + bucket + "/w-" + bodies.runId() + "-" + bodies.nextKeyNumber();
    }

    /** The signed headers plus Authorization; {@code extra} headers are signed too. */
    private Map<String, String> signed(String method, String path, String payloadHash, Map<String, String> extra) {
        Instant now = Instant.now();
        Map<String, String> toSign = new LinkedHashMap<>(extra);
        toSign.put("host", host);
        toSign.put("x-amz-date", SigV4Signer.amzDate(now));
        toSign.put("x-amz-content-sha256", payloadHash);
        Map<String, String> h = new HashMap<>(toSign);
        h.put("Authorization", signer.authorization(method, path, "", toSign, payloadHash, now));
        return h;
    }
}
