package dev.cairn.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.checksums.spi.ChecksumAlgorithm;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Requests signed once at benchmark setup by the AWS SDK's own SigV4 signer, exactly as an S3
 * client would send them to {@code http://127.0.0.1:9000} (path style, region us-east-1), so the
 * benchmarks replay real client bytes instead of hand-made ones. The signer's clock is the given
 * one, so a verifier with the same fixed clock accepts the requests however long a run lasts.
 */
final class SignedRequests {
    static final String ACCESS_KEY = "BENCHACCESSKEY000001";
    static final String SECRET_KEY = "bench-secret-bench-secret-bench-secret00";
    static final String REGION = "us-east-1";

    /** How the body is protected, as the SDK chooses it from the signer properties. */
    enum Payload {
        /** {@code x-amz-content-sha256} = hex SHA-256 of the body. */
        SIGNED,
        /** {@code UNSIGNED-PAYLOAD} (signed over https). */
        UNSIGNED,
        /** aws-chunked, every chunk signed: {@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD}. */
        STREAMING,
        /** aws-chunked, unsigned chunks and a trailing checksum: {@code STREAMING-UNSIGNED-PAYLOAD-TRAILER}. */
        STREAMING_UNSIGNED_TRAILER
    }

    /**
     * A signed request as it goes on the wire.
     *
     * @param rawQuery the query without {@code ?}, still encoded, or null
     * @param headers every header the client sends, Host included
     * @param wire the body bytes as sent (aws-chunked framing included)
     * @param length the Content-Length sent (the wire length)
     */
    record Signed(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] wire, long length) {
        /** The first value of a header (exact name as the SDK wrote it, or lower case), or null. */
        String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    private SignedRequests() {
    }

    /** Header authentication with {@link #ACCESS_KEY}; {@code body} may be null for a bodiless request. */
    static Signed sign(String method, String path, byte[] body, Payload payload, Clock clock) {
        return sign(method, path, body, payload, null, ACCESS_KEY, SECRET_KEY, clock);
    }

    /**
     * Header authentication.
     *
     * @param checksum the trailing checksum for {@link Payload#STREAMING_UNSIGNED_TRAILER}, else null
     */
    static Signed sign(String method, String path, byte[] body, Payload payload, ChecksumAlgorithm checksum,
            String accessKey, String secretKey, Clock clock) {
        boolean unsigned = payload == Payload.UNSIGNED || payload == Payload.STREAMING_UNSIGNED_TRAILER;
        boolean streaming = payload == Payload.STREAMING || payload == Payload.STREAMING_UNSIGNED_TRAILER;
        SdkHttpRequest.Builder b = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method))
                .protocol(unsigned ? "https" : "http").host("127.0.0.1").port(9000).encodedPath(path);
        if (body != null && !streaming) {
            b.putHeader("Content-Length", Integer.toString(body.length));
        }
        SignedRequest signed = AwsV4HttpSigner.create().sign(s -> {
            s.identity(AwsCredentialsIdentity.create(accessKey, secretKey)).request(b.build())
                    .putProperty(HttpSigner.SIGNING_CLOCK, clock)
                    .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "s3")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, REGION)
                    .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                    .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false)
                    .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, !unsigned)
                    .putProperty(AwsV4FamilyHttpSigner.CHUNK_ENCODING_ENABLED, streaming);
            if (checksum != null) {
                s.putProperty(AwsV4FamilyHttpSigner.CHECKSUM_ALGORITHM, checksum);
            }
            if (body != null) {
                s.payload(ContentStreamProvider.fromByteArray(body));
            }
        });
        byte[] wire = body == null ? new byte[0] : signed.payload().map(p -> readAll(p.newStream())).orElse(body);
        String cl = signed.request().firstMatchingHeader("Content-Length").orElse(null);
        return new Signed(method, path, null, withHost(signed.request()), wire, cl != null ? Long.parseLong(cl) : wire.length);
    }

    /** A presigned URL (query authentication, UNSIGNED-PAYLOAD) valid for {@code expiry}. */
    static Signed presign(String method, String path, Duration expiry, String accessKey, String secretKey, Clock clock) {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method))
                .protocol("http").host("127.0.0.1").port(9000).encodedPath(path).build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(s -> s
                .identity(AwsCredentialsIdentity.create(accessKey, secretKey)).request(request)
                .putProperty(HttpSigner.SIGNING_CLOCK, clock)
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, REGION)
                .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false)
                .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                .putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, expiry));
        return new Signed(method, path, signed.request().getUri().getRawQuery(), withHost(signed.request()), new byte[0], 0);
    }

    private static Map<String, List<String>> withHost(SdkHttpRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        headers.putIfAbsent("Host", List.of("127.0.0.1:9000"));
        return headers;
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
