package dev.cairn.gateway.s3;

import dev.cairn.gateway.http.HttpResult;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * S3's {@code x-amz-id-2} ("host id"), sent on every S3 API response, errors and HEAD included.
 * SDKs surface it as the extended request id and support tooling asks for it alongside
 * {@code x-amz-request-id}. Cairn's is opaque to clients and useful to operators: base64 of a
 * random id drawn once per process, then the request id, so one value names both the gateway
 * process and the log lines of the request.
 *
 * <p>{@code x-amz-request-id} itself is not added here: the server's request observer assigns the
 * id and sends it on every response, including those that never reach the S3 API; OAP responses
 * get no {@code x-amz-id-2}, since only S3 clients look for one.
 */
final class HostId {
    static final String HEADER = "x-amz-id-2";

    private static final byte[] PROCESS_ID = randomBytes(12);

    private HostId() {
    }

    /** The host id for a request of this process. */
    static String of(String requestId) {
        byte[] id = requestId.getBytes(StandardCharsets.US_ASCII);
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(PROCESS_ID.length + id.length).put(PROCESS_ID).put(id).array());
    }

    /** {@code result} with the host id of {@code requestId} added (the result is immutable, so this copies it). */
    static HttpResult stamp(HttpResult result, String requestId) {
        HttpResult.Builder b = HttpResult.status(result.status());
        for (Map.Entry<String, String> h : result.headers()) {
            b.header(h.getKey(), h.getValue());
        }
        return b.header(HEADER, of(requestId)).body(result.body()).build();
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }
}
