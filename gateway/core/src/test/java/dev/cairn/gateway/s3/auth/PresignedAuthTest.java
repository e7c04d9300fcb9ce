package dev.cairn.gateway.s3.auth;

import dev.cairn.gateway.s3.error.S3ErrorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Presigned URLs: the AWS example's parameters, each bent out of shape. */
class PresignedAuthTest {
    private final SigV4Verifier verifier = AwsExamples.verifier();

    /** The documented example's query parameters, raw (encoded) values. */
    private static Map<String, String> example() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("X-Amz-Algorithm", "AWS4-HMAC-SHA256");
        p.put("X-Amz-Credential", "AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request");
        p.put("X-Amz-Date", "20130524T000000Z");
        p.put("X-Amz-Expires", "86400");
        p.put("X-Amz-SignedHeaders", "host");
        p.put("X-Amz-Signature", "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404");
        return p;
    }

    private static SignedRequestView request(Map<String, String> params, Map<String, String> headers) {
        String query = params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.putIfAbsent("Host", "examplebucket.s3.amazonaws.com");
        return SignedRequestView.of("GET", "/test.txt", query, h);
    }

    private static SignedRequestView with(String name, String value) {
        Map<String, String> p = example();
        p.put(name, value);
        return request(p, Map.of());
    }

    @Test
    void theExampleVerifiesAndClockDriftUpToTheSkewIsTolerated() {
        verifier.verify(request(example(), Map.of()));
        AwsExamples.verifierAt(AwsExamples.TIME.minus(Duration.ofMinutes(15))).verify(request(example(), Map.of()));
    }

    @Test
    void notYetValidBeyondTheSkew() {
        SigV4Verifier early = AwsExamples.verifierAt(AwsExamples.TIME.minus(Duration.ofMinutes(15)).minusSeconds(1));

        S3AuthException e = assertThrows(S3AuthException.class, () -> early.verify(request(example(), Map.of())));

        assertEquals(S3ErrorCode.AccessDenied, e.error());
        assertEquals("Request is not valid yet", e.getMessage());
    }

    @Test
    void expiredReportsExpiryAndServerTime() {
        SigV4Verifier late = AwsExamples.verifierAt(AwsExamples.TIME.plus(Duration.ofDays(2)));

        S3AuthException e = assertThrows(S3AuthException.class, () -> late.verify(request(example(), Map.of())));

        assertEquals("Request has expired", e.getMessage());
        assertEquals("86400", e.details().get("X-Amz-Expires"));
        assertEquals("2013-05-25T00:00:00Z", e.details().get("Expires"));
        assertEquals("2013-05-26T00:00:00Z", e.details().get("ServerTime"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "604801", "99999999999999999999", "1e3", "", "86400.0"})
    void expiresOutOfBounds(String expires) {
        assertCode(S3ErrorCode.AuthorizationQueryParametersError, with("X-Amz-Expires", expires));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "604800"})
    void expiresBoundsAreAccepted(String expires) {
        // Passes every bound check; fails only because the example signed 86400.
        assertCode(S3ErrorCode.SignatureDoesNotMatch, with("X-Amz-Expires", expires));
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires", "X-Amz-SignedHeaders",
        "X-Amz-Signature"})
    void everyParameterIsRequired(String name) {
        Map<String, String> p = example();
        p.remove(name);
        // Without X-Amz-Algorithm the request is not presigned at all: it is anonymous.
        S3ErrorCode expected = name.equals("X-Amz-Algorithm")
                ? S3ErrorCode.AccessDenied : S3ErrorCode.AuthorizationQueryParametersError;
        assertCode(expected, request(p, Map.of()));
    }

    @Test
    void repeatedParameterIsRefused() {
        SignedRequestView request = request(example(), Map.of());
        SignedRequestView doubled = new SignedRequestView("GET", request.rawPath(),
                request.rawQuery() + "&X-Amz-Expires=60", request.headers());

        assertCode(S3ErrorCode.AuthorizationQueryParametersError, doubled);
    }

    @ParameterizedTest
    @CsvSource({
        "X-Amz-Algorithm,AWS4-HMAC-SHA1,AuthorizationQueryParametersError",
        "X-Amz-Algorithm,AWS4-ECDSA-P256-SHA256,NotImplemented",
        "X-Amz-Date,2013-05-24T00:00:00Z,AuthorizationQueryParametersError",
        "X-Amz-Credential,AKIAIOSFODNN7EXAMPLE%2F20130525%2Fus-east-1%2Fs3%2Faws4_request,AuthorizationQueryParametersError",
        "X-Amz-Credential,AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fsqs%2Faws4_request,AuthorizationQueryParametersError",
        "X-Amz-Credential,AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1,AuthorizationQueryParametersError",
        "X-Amz-Credential,UNKNOWNKEY%2F20130524%2Fus-east-1%2Fs3%2Faws4_request,InvalidAccessKeyId",
        "X-Amz-SignedHeaders,x-amz-date,AccessDenied",
        "X-Amz-Security-Token,IQoJb3JpZ2luX2VjE,InvalidToken",
        "X-Amz-Content-Sha256,STREAMING-AWS4-HMAC-SHA256-PAYLOAD,InvalidArgument",
        "X-Amz-Content-Sha256,not-a-hash,InvalidArgument",
        "X-Amz-Signature,AEEED9BBCCD4D02EE5C0109B86D86835F995330DA4C265957D157751F604D404,SignatureDoesNotMatch",
    })
    void refusedParameters(String name, String value, String code) {
        S3AuthException e = assertThrows(S3AuthException.class, () -> verifier.verify(with(name, value)));
        assertEquals(code, e.error().name(), e.getMessage());
    }

    @Test
    void wrongRegionWhenOneIsConfigured() {
        SigV4Verifier euOnly = SigV4Verifier.create(AwsExamples.credentials(),
                SigV4Settings.defaults().withExpectedRegion("eu-west-1"), Clock.fixed(AwsExamples.TIME, ZoneOffset.UTC));

        S3AuthException e = assertThrows(S3AuthException.class, () -> euOnly.verify(request(example(), Map.of())));

        assertEquals(S3ErrorCode.AuthorizationQueryParametersError, e.error());
        assertEquals("eu-west-1", e.details().get("Region"));
    }

    @Test
    void unsignedAmzHeadersAreRefused() {
        S3AuthException e = assertCode(S3ErrorCode.AccessDenied,
                request(example(), Map.of("x-amz-acl", "public-read")));

        assertEquals("x-amz-acl", e.details().get("HeadersNotSigned"));
    }

    @Test
    void headerAndQueryAuthTogetherAreRefused() {
        SignedRequestView both = request(example(), Map.of("Authorization", AwsExamples.getObjectHeaders().get("Authorization")));

        S3AuthException e = assertCode(S3ErrorCode.InvalidArgument, both);
        assertEquals(400, e.httpStatus());
        S3AuthException detected = assertThrows(S3AuthException.class, () -> AuthStyle.detect(both));
        assertEquals(S3ErrorCode.InvalidArgument, detected.error());
    }

    @Test
    void signatureVersion2QueryIsNotMistakenForAnonymous() {
        SignedRequestView v2 = SignedRequestView.of("GET", "/test.txt",
                "AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1141889120&Signature=vjbyPxybdZaNmGa%2ByT272YEAiv4%3D",
                Map.of("Host", "examplebucket.s3.amazonaws.com"));

        // SigV2 presigned URLs are verified (SigV2Test); an expired one is refused, never treated as anonymous
        assertEquals(AuthStyle.PRESIGNED_V2, AuthStyle.detect(v2));
        S3AuthException e = assertThrows(S3AuthException.class, () -> verifier.verify(v2));
        assertEquals(S3ErrorCode.AccessDenied, e.error());
        assertTrue(e.getMessage().contains("expired"), e.getMessage());
    }

    @Test
    void detectsEachStyle() {
        assertEquals(AuthStyle.PRESIGNED, AuthStyle.detect(request(example(), Map.of())));
        assertEquals(AuthStyle.HEADER, AuthStyle.detect(AwsExamples.getObject()));
        assertEquals(AuthStyle.ANONYMOUS, AuthStyle.detect(SignedRequestView.of("GET", "/b/k", "x-id=GetObject",
                Map.of("Host", "h"))));
    }

    private S3AuthException assertCode(S3ErrorCode expected, SignedRequestView request) {
        S3AuthException e = assertThrows(S3AuthException.class, () -> verifier.verify(request));
        assertEquals(expected, e.error(), e.getMessage());
        return e;
    }
}
