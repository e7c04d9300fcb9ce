package dev.cairn.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Request bytes signed by the AWS SDK's own SigV4 signer, configured as its S3 client is (no
 * double encoding, no path normalisation), with the path and query exactly as given.
 */
final class Signed {
    static final String ACCESS_KEY = "AKIDCAIRNWIRETEST";
    static final String SECRET_KEY = "wire-test-secret-key-0123456789abcdef";

    private Signed() {
    }

    /**
     * The signed request line and header block (ending with the empty line); the caller sends
     * the body, if any, separately, so tests can wait for {@code 100 Continue} in between.
     *
     * @param rawPath the encoded path as it goes on the wire
     * @param rawQuery the encoded query, or null
     * @param extraHeaders signed headers besides the signer's own
     * @param unsignedHeaders lines added after signing, e.g. {@code Expect}
     */
    static byte[] head(int port, String method, String rawPath, String rawQuery, Map<String, String> extraHeaders, byte[] body,
            List<String> unsignedHeaders) {
        SdkHttpRequest.Builder b = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).protocol("http")
                .host("127.0.0.1").port(port).encodedPath(rawPath);
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                // the SDK takes decoded parameters and encodes them itself, as the canonical query needs
                b.appendRawQueryParameter(percentDecode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : percentDecode(pair.substring(eq + 1)));
            }
        }
        extraHeaders.forEach(b::putHeader);
        if (body != null) {
            b.putHeader("Content-Length", Integer.toString(body.length));
        }
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> {
            r.identity(AwsCredentialsIdentity.create(ACCESS_KEY, SECRET_KEY))
                    .request(b.build())
                    .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "s3")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                    .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                    .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false);
            if (body != null) {
                r.payload(ContentStreamProvider.fromByteArray(body));
            }
        }).request();
        StringBuilder head = new StringBuilder(method).append(' ').append(rawPath);
        if (rawQuery != null && !rawQuery.isEmpty()) {
            head.append('?').append(rawQuery);
        }
        head.append(" HTTP/1.1\r\n");
        signed.headers().forEach((name, values) -> values.forEach(v -> head.append(name).append(": ").append(v).append("\r\n")));
        unsignedHeaders.forEach(h -> head.append(h).append("\r\n"));
        head.append("\r\n");
        return head.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Percent-decoding only: unlike form decoding, {@code +} stays a plus. */
    private static String percentDecode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
