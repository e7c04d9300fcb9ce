package dev.cairn.gateway.s3.auth;

import dev.cairn.gateway.s3.error.S3ErrorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * Requests signed by the AWS SDK for Java v2 ({@code AwsV4HttpSigner}, S3 settings) must verify,
 * and must stop verifying when one byte of what was signed changes.
 */
class SdkSignerCrossCheckTest {
    static final Instant NOW = Instant.parse("2026-03-14T15:09:26Z");
    static final String ACCESS_KEY = "AKIDCAIRNCROSSCHECK";
    static final String SECRET_KEY = "cairn/Secret+Key=with/odd-chars";

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final SdkSigner signer = new SdkSigner(ACCESS_KEY, SECRET_KEY, "eu-central-1", clock);
    private final SigV4Verifier verifier = SigV4Verifier.create(id -> ACCESS_KEY.equals(id) ? SECRET_KEY : null,
            SigV4Settings.defaults(), clock);

    enum Mode { SIGNED_PAYLOAD, UNSIGNED_PAYLOAD, PRESIGNED }

    static Stream<Arguments> pathsAndModes() {
        List<String> paths = List.of("/b/key.txt", "/b/a%2Fb", "/b/a//b", "/b/%2E%2E/x", "/b/../x", "/b/a%2Bb",
                "/b/%E6%97%A5%E6%9C%AC", "/b/a%20b%25c", "/b/with~tilde_and-dash.", "/b/", "/");
        List<Arguments> out = new ArrayList<>();
        for (Mode mode : Mode.values()) {
            for (String path : paths) {
                out.add(Arguments.of(mode, path));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("pathsAndModes")
    void awkwardPathsVerifyAndTamperingFails(Mode mode, String encodedPath) {
        SdkHttpRequest signed = sign(mode, encodedPath, Map.of()).request();
        SignedRequestView view = SdkSigner.view(signed);

        VerifiedRequest verified = verifier.verify(view);
        assertEquals(ACCESS_KEY, verified.accessKeyId());
        assertEquals("eu-central-1", verified.region());
        assertEquals(mode == Mode.PRESIGNED, verified.presigned());
        assertEquals(mode == Mode.SIGNED_PAYLOAD ? PayloadMode.SIGNED_PAYLOAD : PayloadMode.UNSIGNED_PAYLOAD,
                verified.payloadMode());

        assertTampered(view, v -> new SignedRequestView(v.method(), flipLast(v.rawPath()), v.rawQuery(), v.headers()));
        assertTampered(view, v -> withHeader(v, "x-amz-meta-note", "one  Two"));
        assertTampered(view, v -> new SignedRequestView("POST", v.rawPath(), v.rawQuery(), v.headers()));
        assertTampered(view, v -> mode == Mode.PRESIGNED
                ? new SignedRequestView(v.method(), v.rawPath(), flipSignatureInQuery(v.rawQuery()), v.headers())
                : withHeader(v, "Authorization", flipLast(v.header("Authorization"))));
    }

    static Stream<Mode> modes() {
        return Arrays.stream(Mode.values());
    }

    @ParameterizedTest
    @MethodSource("modes")
    void queryParametersWithSpecialCharacters(Mode mode) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("prefix", List.of("a b/c+d*e~f&g=h"));
        query.put("marker", List.of("日本%"));
        query.put("empty", List.of(""));
        query.put("list-type", List.of("2"));
        query.put("x", List.of("2", "1"));
        query.put("Upper", List.of("case"));
        SignedRequestView view = SdkSigner.view(sign(mode, "/b", query).request());

        verifier.verify(view);

        assertTampered(view, v -> new SignedRequestView(v.method(), v.rawPath(),
                v.rawQuery().replace("list-type=2", "list-type=1"), v.headers()));
        assertTampered(view, v -> new SignedRequestView(v.method(), v.rawPath(), v.rawQuery() + "&extra=1", v.headers()));
    }

    @ParameterizedTest
    @MethodSource("modes")
    void presignedAndHeaderRequestsRespectTime(Mode mode) {
        SignedRequestView view = SdkSigner.view(sign(mode, "/b/k", Map.of()).request());
        Instant tooLate = NOW.plus(mode == Mode.PRESIGNED ? Duration.ofHours(1) : Duration.ofMinutes(15)).plusSeconds(1);
        SigV4Verifier later = SigV4Verifier.create(id -> SECRET_KEY, SigV4Settings.defaults(),
                Clock.fixed(tooLate, ZoneOffset.UTC));

        S3AuthException e = assertThrows(S3AuthException.class, () -> later.verify(view));

        assertEquals(mode == Mode.PRESIGNED ? S3ErrorCode.AccessDenied : S3ErrorCode.RequestTimeTooSkewed, e.error());
    }

    private SignedRequest sign(Mode mode, String encodedPath, Map<String, List<String>> query) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "text/plain; charset=utf-8");
        headers.put("x-amz-meta-note", "  one   two  ");
        headers.put("x-amz-storage-class", "STANDARD");
        boolean put = mode != Mode.PRESIGNED;
        SdkSigner.Spec spec = new SdkSigner.Spec(put ? SdkHttpMethod.PUT : SdkHttpMethod.GET, encodedPath, query, headers,
                put ? "hello, cairn".getBytes(StandardCharsets.UTF_8) : null,
                mode == Mode.SIGNED_PAYLOAD, false, null, mode == Mode.PRESIGNED ? Duration.ofHours(1) : null);
        return signer.sign(spec);
    }

    private void assertTampered(SignedRequestView original, UnaryOperator<SignedRequestView> tamper) {
        SignedRequestView tampered = tamper.apply(original);
        S3AuthException e = assertThrows(S3AuthException.class, () -> verifier.verify(tampered));
        assertEquals(S3ErrorCode.SignatureDoesNotMatch, e.error(), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET_KEY));
        assertTrue(e.details().values().stream().noneMatch(v -> v.contains(SECRET_KEY)));
    }

    static SignedRequestView withHeader(SignedRequestView v, String name, String value) {
        Map<String, List<String>> headers = new LinkedHashMap<>(v.headers());
        headers.keySet().removeIf(n -> n.equalsIgnoreCase(name));
        headers.put(name, List.of(value));
        return new SignedRequestView(v.method(), v.rawPath(), v.rawQuery(), headers);
    }

    static String flipLast(String s) {
        char last = s.charAt(s.length() - 1);
        return s.substring(0, s.length() - 1) + (last == 'a' ? 'b' : 'a');
    }

    static String flipSignatureInQuery(String query) {
        int at = query.indexOf("X-Amz-Signature=") + "X-Amz-Signature=".length();
        char c = query.charAt(at);
        return query.substring(0, at) + (c == 'a' ? 'b' : 'a') + query.substring(at + 1);
    }
}
