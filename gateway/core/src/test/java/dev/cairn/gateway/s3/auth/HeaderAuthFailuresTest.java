package dev.cairn.gateway.s3.auth;

import dev.cairn.gateway.s3.error.S3ErrorCode;
import static dev.cairn.gateway.s3.auth.AwsExamples.EMPTY_SHA256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.digest.Hex;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Header authentication: every way a request can be refused, and the variants that must pass. */
class HeaderAuthFailuresTest {
    private static final String GOOD_SIGNATURE = "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41";
    private static final String CREDENTIAL = AwsExamples.CREDENTIAL;
    private static final String SIGNED = "host;range;x-amz-content-sha256;x-amz-date";

    private final SigV4Verifier verifier = AwsExamples.verifier();

    @ParameterizedTest
    @ValueSource(strings = {
        "AWS4-HMAC-SHA256 Credential=" + CREDENTIAL + ", SignedHeaders=" + SIGNED + ", Signature=" + GOOD_SIGNATURE,
        "AWS4-HMAC-SHA256 Credential=" + CREDENTIAL + ",SignedHeaders=" + SIGNED + ",Signature=" + GOOD_SIGNATURE,
        "AWS4-HMAC-SHA256  Credential = " + CREDENTIAL + " ,  SignedHeaders=" + SIGNED + ",\tSignature=" + GOOD_SIGNATURE,
        "AWS4-HMAC-SHA256 Signature=" + GOOD_SIGNATURE + ", Credential=" + CREDENTIAL + ", SignedHeaders=" + SIGNED,
        "  AWS4-HMAC-SHA256 Credential=" + CREDENTIAL + ", SignedHeaders=" + SIGNED + ", Signature=" + GOOD_SIGNATURE + " ",
        // Upper-case or unsorted signed-header names are read as the canonical lower-case, sorted list.
        "AWS4-HMAC-SHA256 Credential=" + CREDENTIAL + ", SignedHeaders=Host;x-amz-date;range;x-amz-content-sha256, Signature="
                + GOOD_SIGNATURE,
    })
    void toleratedAuthorizationSpellings(String authorization) {
        verifier.verify(withAuthorization(authorization));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "AWS4-HMAC-SHA256|AuthorizationHeaderMalformed",
        "AWS4-HMAC-SHA256 Credential=" + CREDENTIAL + ", SignedHeaders=" + SIGNED + "|AuthorizationHeaderMalformed",
        "AWS4-HMAC-SHA256 Credential=" + CREDENTIAL + ", SignedHeaders=" + SIGNED + ", Signature=|AuthorizationHeaderMalformed",
        "AWS4-HMAC-SHA256 Credential=" + CREDENTIAL + ", Credential=" + CREDENTIAL + ", SignedHeaders=" + SIGNED
                + ", Signature=" + GOOD_SIGNATURE + "|AuthorizationHeaderMalformed",
        "AWS4-HMAC-SHA256 Credential=" + CREDENTIAL + ", SignedHeaders=" + SIGNED + ", Signature=" + GOOD_SIGNATURE
                + ", Extra=1|AuthorizationHeaderMalformed",
        "AWS4-HMAC-SHA256 Credential=" + CREDENTIAL + ", SignedHeaders, Signature=" + GOOD_SIGNATURE
                + "|AuthorizationHeaderMalformed",
        "AWS4-HMAC-SHA256 Credential=" + CREDENTIAL + "; SignedHeaders=" + SIGNED + "; Signature=" + GOOD_SIGNATURE
                + "|AuthorizationHeaderMalformed",
        "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3, SignedHeaders=" + SIGNED
                + ", Signature=" + GOOD_SIGNATURE + "|AuthorizationHeaderMalformed",
        "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE//us-east-1/s3/aws4_request, SignedHeaders=" + SIGNED
                + ", Signature=" + GOOD_SIGNATURE + "|AuthorizationHeaderMalformed",
        "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s4/aws4_request, SignedHeaders=" + SIGNED
                + ", Signature=" + GOOD_SIGNATURE + "|AuthorizationHeaderMalformed",
        "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws5_request, SignedHeaders=" + SIGNED
                + ", Signature=" + GOOD_SIGNATURE + "|AuthorizationHeaderMalformed",
        "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130525/us-east-1/s3/aws4_request, SignedHeaders=" + SIGNED
                + ", Signature=" + GOOD_SIGNATURE + "|AuthorizationHeaderMalformed",
        "AWS4-HMAC-SHA256 Credential=" + CREDENTIAL + ", SignedHeaders=host;;range, Signature=" + GOOD_SIGNATURE
                + "|AuthorizationHeaderMalformed",
        "AWS AKIAIOSFODNN7EXAMPLE:frJIUN8DYpKDtOLCwo//yllqDzg=|SignatureDoesNotMatch",
        "Bearer abc.def|InvalidArgument",
        "AWS4-ECDSA-P256-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/s3/aws4_request, SignedHeaders=" + SIGNED
                + ", Signature=3045|NotImplemented",
        "AWS4-HMAC-SHA256 Credential=" + CREDENTIAL + ", SignedHeaders=" + SIGNED + ", Signature="
                + "F0E8BDB87C964420E857BD35B5D6ED310BD44F0170ABA48DD91039C6036BDB41|SignatureDoesNotMatch",
    })
    void refusedAuthorizationHeaders(String authorization, String code) {
        S3AuthException e = assertThrows(S3AuthException.class, () -> verifier.verify(withAuthorization(authorization)));
        assertEquals(code, e.error().name(), e.getMessage());
    }

    @Test
    void twoAuthorizationHeadersAreMalformed() {
        TreeMap<String, List<String>> headers = multi(AwsExamples.getObjectHeaders());
        headers.put("Authorization", List.of(headers.get("Authorization").get(0), headers.get("Authorization").get(0)));

        assertCode(S3ErrorCode.AuthorizationHeaderMalformed, new SignedRequestView("GET", "/test.txt", "", headers));
    }

    @Test
    void wrongRegionIsRefusedWhenOneIsConfigured() {
        SigV4Verifier euOnly = SigV4Verifier.create(AwsExamples.credentials(),
                SigV4Settings.defaults().withExpectedRegion("eu-west-1"), fixedClock(Duration.ZERO));

        S3AuthException e = assertThrows(S3AuthException.class, () -> euOnly.verify(AwsExamples.getObject()));

        assertEquals(S3ErrorCode.AuthorizationHeaderMalformed, e.error());
        assertEquals("eu-west-1", e.details().get("Region"));
        // The same request passes where us-east-1 is the configured region.
        SigV4Verifier.create(AwsExamples.credentials(), SigV4Settings.defaults().withExpectedRegion("us-east-1"),
                fixedClock(Duration.ZERO)).verify(AwsExamples.getObject());
    }

    @ParameterizedTest
    @ValueSource(longs = {-15 * 60, 15 * 60})
    void requestsWithinFifteenMinutesPass(long offsetSeconds) {
        verifierAt(Duration.ofSeconds(offsetSeconds)).verify(AwsExamples.getObject());
    }

    @ParameterizedTest
    @ValueSource(longs = {-15 * 60 - 1, 15 * 60 + 1, 86_400})
    void skewedRequestsAreRefused(long offsetSeconds) {
        S3AuthException e = assertThrows(S3AuthException.class,
                () -> verifierAt(Duration.ofSeconds(offsetSeconds)).verify(AwsExamples.getObject()));

        assertEquals(S3ErrorCode.RequestTimeTooSkewed, e.error());
        assertEquals(403, e.httpStatus());
        assertEquals("20130524T000000Z", e.details().get("RequestTime"));
        assertEquals("900000", e.details().get("MaxAllowedSkewMilliseconds"));
    }

    @Test
    void missingDateIsAccessDenied() {
        Map<String, String> headers = AwsExamples.getObjectHeaders();
        headers.remove("x-amz-date");

        assertCode(S3ErrorCode.AccessDenied, SignedRequestView.of("GET", "/test.txt", "", headers));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2013-05-24T00:00:00Z", "20130524T000000", "20130532T000000Z", "Fri, 24 May 2013 00:00:00 GMT"})
    void invalidAmzDateIsAccessDenied(String date) {
        Map<String, String> headers = AwsExamples.getObjectHeaders();
        headers.put("x-amz-date", date);

        assertCode(S3ErrorCode.AccessDenied, SignedRequestView.of("GET", "/test.txt", "", headers));
    }

    @Test
    void dateHeaderAloneIsTheRequestTime() {
        // Canonical request and string to sign written out from the SigV4 specification.
        String canonical = "GET\n/test.txt\n\ndate:Fri, 24 May 2013 00:00:00 GMT\nhost:examplebucket.s3.amazonaws.com\n"
                + "x-amz-content-sha256:" + EMPTY_SHA256 + "\n\ndate;host;x-amz-content-sha256\n" + EMPTY_SHA256;
        String stringToSign = "AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n"
                + Crypto.sha256Hex(canonical);
        String signature = Hex.encode(Crypto.hmac(
                SigningKeyCache.derive(AwsExamples.SECRET_KEY, "20130524", "us-east-1"), stringToSign));
        Map<String, String> headers = new TreeMap<>();
        headers.put("Host", "examplebucket.s3.amazonaws.com");
        headers.put("Date", "Fri, 24 May 2013 00:00:00 GMT");
        headers.put("x-amz-content-sha256", EMPTY_SHA256);
        headers.put("Authorization", AwsExamples.authorization("date;host;x-amz-content-sha256", signature));

        VerifiedRequest verified = verifier.verify(SignedRequestView.of("GET", "/test.txt", "", headers));

        assertEquals(AwsExamples.TIME, verified.signedAt());
    }

    @Test
    void missingContentSha256IsInvalidRequest() {
        Map<String, String> headers = AwsExamples.getObjectHeaders();
        headers.remove("x-amz-content-sha256");

        S3AuthException e = assertCode(S3ErrorCode.InvalidRequest, SignedRequestView.of("GET", "/test.txt", "", headers));
        assertEquals("Missing required header for this request: x-amz-content-sha256", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
        "abc,InvalidArgument",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85,InvalidArgument",
        "unsigned-payload,InvalidArgument",
        "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD,NotImplemented",
        "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER,NotImplemented",
    })
    void unacceptableContentSha256(String value, String code) {
        Map<String, String> headers = AwsExamples.getObjectHeaders();
        headers.put("x-amz-content-sha256", value);

        S3AuthException e = assertThrows(S3AuthException.class,
                () -> verifier.verify(SignedRequestView.of("GET", "/test.txt", "", headers)));
        assertEquals(code, e.error().name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"UNSIGNED-PAYLOAD", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD",
        "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER", "STREAMING-UNSIGNED-PAYLOAD-TRAILER"})
    void everyModeIsRecognisedAndSigned(String value) {
        Map<String, String> headers = AwsExamples.getObjectHeaders();
        headers.put("x-amz-content-sha256", value);

        // Recognised (no InvalidArgument), then refused only because the example signed another hash.
        assertCode(S3ErrorCode.SignatureDoesNotMatch, SignedRequestView.of("GET", "/test.txt", "", headers));
    }

    @Test
    void contentSha256MustBeSigned() {
        S3AuthException e = assertCode(S3ErrorCode.InvalidRequest,
                withAuthorization(AwsExamples.authorization("host;range;x-amz-date", GOOD_SIGNATURE)));
        assertTrue(e.getMessage().contains("x-amz-content-sha256"));
    }

    @Test
    void hostMustBeSigned() {
        S3AuthException e = assertCode(S3ErrorCode.AccessDenied,
                withAuthorization(AwsExamples.authorization("range;x-amz-content-sha256;x-amz-date", GOOD_SIGNATURE)));
        assertEquals("host", e.details().get("HeadersNotSigned"));
    }

    @Test
    void everyAmzHeaderPresentMustBeSigned() {
        Map<String, String> headers = AwsExamples.getObjectHeaders();
        headers.put("X-Amz-Meta-Colour", "blue");
        headers.put("x-amz-acl", "public-read");

        S3AuthException e = assertCode(S3ErrorCode.AccessDenied, SignedRequestView.of("GET", "/test.txt", "", headers));
        assertEquals("x-amz-acl, x-amz-meta-colour", e.details().get("HeadersNotSigned"));
    }

    @Test
    void unsignedOrdinaryHeadersAreAllowed() {
        Map<String, String> headers = AwsExamples.getObjectHeaders();
        headers.put("User-Agent", "curl/8.5.0");
        headers.put("Accept", "*/*");

        verifier.verify(SignedRequestView.of("GET", "/test.txt", "", headers));
    }

    @Test
    void sessionTokensAreRefused() {
        Map<String, String> headers = AwsExamples.getObjectHeaders();
        headers.put("x-amz-security-token", "FQoGZXIvYXdzE...");

        assertCode(S3ErrorCode.InvalidToken, SignedRequestView.of("GET", "/test.txt", "", headers));
    }

    @Test
    void unknownAccessKey() {
        SigV4Verifier nobody = SigV4Verifier.create(id -> null, SigV4Settings.defaults(), fixedClock(Duration.ZERO));

        S3AuthException e = assertThrows(S3AuthException.class, () -> nobody.verify(AwsExamples.getObject()));

        assertEquals(S3ErrorCode.InvalidAccessKeyId, e.error());
        assertEquals(AwsExamples.ACCESS_KEY, e.details().get("AWSAccessKeyId"));
    }

    @Test
    void mismatchReportsTheClientSideStringsButNoSecretAndNoCorrectSignature() {
        String wrong = "0".repeat(64);
        S3AuthException e = assertCode(S3ErrorCode.SignatureDoesNotMatch,
                withAuthorization(AwsExamples.authorization(SIGNED, wrong)));

        assertEquals(wrong, e.details().get("SignatureProvided"));
        assertTrue(e.details().get("StringToSign").startsWith("AWS4-HMAC-SHA256\n20130524T000000Z\n"));
        assertTrue(e.details().get("CanonicalRequest").startsWith("GET\n/test.txt\n"));
        String everything = e.getMessage() + e.details();
        assertFalse(everything.contains(AwsExamples.SECRET_KEY));
        assertFalse(everything.contains(GOOD_SIGNATURE));
    }

    @Test
    void wrongSecretDoesNotMatch() {
        SigV4Verifier other = SigV4Verifier.create(id -> "another-secret", SigV4Settings.defaults(),
                fixedClock(Duration.ZERO));

        S3AuthException e = assertThrows(S3AuthException.class, () -> other.verify(AwsExamples.getObject()));
        assertEquals(S3ErrorCode.SignatureDoesNotMatch, e.error());
        assertFalse((e.getMessage() + e.details()).contains("another-secret"));
    }

    @Test
    void anonymousRequestsCannotBeVerified() {
        SignedRequestView anonymous = SignedRequestView.of("GET", "/test.txt", "", Map.of("Host", "x"));

        assertEquals(AuthStyle.ANONYMOUS, AuthStyle.detect(anonymous));
        assertCode(S3ErrorCode.AccessDenied, anonymous);
    }

    private S3AuthException assertCode(S3ErrorCode expected, SignedRequestView request) {
        S3AuthException e = assertThrows(S3AuthException.class, () -> verifier.verify(request));
        assertEquals(expected, e.error(), e.getMessage());
        return e;
    }

    private static SignedRequestView withAuthorization(String authorization) {
        Map<String, String> headers = AwsExamples.getObjectHeaders();
        headers.put("Authorization", authorization);
        return SignedRequestView.of("GET", "/test.txt", "", headers);
    }

    private static TreeMap<String, List<String>> multi(Map<String, String> headers) {
        TreeMap<String, List<String>> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> out.put(k, List.of(v)));
        return out;
    }

    private static Clock fixedClock(Duration offset) {
        return Clock.fixed(AwsExamples.TIME.plus(offset), ZoneOffset.UTC);
    }

    private static SigV4Verifier verifierAt(Duration offset) {
        return SigV4Verifier.create(AwsExamples.credentials(), SigV4Settings.defaults(), fixedClock(offset));
    }
}
