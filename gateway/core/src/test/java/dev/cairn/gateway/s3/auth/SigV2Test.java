package dev.cairn.gateway.s3.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.gateway.s3.error.S3ErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** SigV2 against the AWS documentation's example and the rules of its presigned form. */
class SigV2Test {
    private static final String AK = "AKIAIOSFODNN7EXAMPLE";
    private static final String SK = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final Instant DOC_TIME = Instant.parse("2007-03-27T19:36:42Z");

    private static SigV4Verifier verifier(Instant now) {
        return SigV4Verifier.create(ak -> ak.equals(AK) ? SK : null, SigV4Settings.defaults(), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void awsDocumentationExampleVerifies() {
        // GET /photos/puppy.jpg on awsexamplebucket1 (virtual-hosted); published signature qgk2+6Sv9/oM7G3qLEjTH1a1l1g=
        SignedRequestView r = SignedRequestView.of("GET", "/photos/puppy.jpg", null, Map.of(
                "Host", "awsexamplebucket1.us-west-1.s3.amazonaws.com",
                "Date", "Tue, 27 Mar 2007 19:36:42 +0000",
                "Authorization", "AWS " + AK + ":qgk2+6Sv9/oM7G3qLEjTH1a1l1g="));
        VerifiedRequest v = verifier(DOC_TIME).verify(r, "awsexamplebucket1");
        assertEquals(AK, v.accessKeyId());
        assertEquals(PayloadMode.UNSIGNED_PAYLOAD, v.payloadMode());
        assertEquals(AuthStyle.HEADER_V2, AuthStyle.detect(r));
    }

    @Test
    void theSameSignatureDoesNotVerifyForAnotherBucketOrPathStyle() {
        SignedRequestView r = SignedRequestView.of("GET", "/photos/puppy.jpg", null, Map.of(
                "Date", "Tue, 27 Mar 2007 19:36:42 +0000",
                "Authorization", "AWS " + AK + ":qgk2+6Sv9/oM7G3qLEjTH1a1l1g="));
        assertCode(S3ErrorCode.SignatureDoesNotMatch, () -> verifier(DOC_TIME).verify(r, "otherbucket"));
        assertCode(S3ErrorCode.SignatureDoesNotMatch, () -> verifier(DOC_TIME).verify(r, null));
    }

    @Test
    void headerRulesSkewUnknownKeyAndMalformed() {
        Map<String, String> base = Map.of("Date", "Tue, 27 Mar 2007 19:36:42 +0000",
                "Authorization", "AWS " + AK + ":qgk2+6Sv9/oM7G3qLEjTH1a1l1g=");
        SignedRequestView r = SignedRequestView.of("GET", "/photos/puppy.jpg", null, base);
        assertCode(S3ErrorCode.RequestTimeTooSkewed, () -> verifier(DOC_TIME.plusSeconds(16 * 60)).verify(r, "awsexamplebucket1"));
        SignedRequestView unknown = SignedRequestView.of("GET", "/x", null, Map.of("Date", "Tue, 27 Mar 2007 19:36:42 +0000",
                "Authorization", "AWS AKIDUNKNOWN:abc="));
        assertCode(S3ErrorCode.InvalidAccessKeyId, () -> verifier(DOC_TIME).verify(unknown, null));
        SignedRequestView malformed = SignedRequestView.of("GET", "/x", null, Map.of("Date", "Tue, 27 Mar 2007 19:36:42 +0000",
                "Authorization", "AWS nocolon"));
        assertCode(S3ErrorCode.AuthorizationHeaderMalformed, () -> verifier(DOC_TIME).verify(malformed, null));
    }

    @Test
    void amzHeadersAndSubresourcesAreSigned() throws Exception {
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        String date = "Fri, 27 Nov 2026 10:00:00 GMT";
        String sts = "PUT\n\ntext/plain\n\nx-amz-date:" + date + "\nx-amz-meta-a:1,2\n/b/k?partNumber=3&uploadId=u";
        String sig = hmac(sts);
        SignedRequestView r = new SignedRequestView("PUT", "/b/k", "uploadId=u&partNumber=3&prefix=ignored", Map.of(
                "Content-Type", java.util.List.of("text/plain"), "x-amz-date", java.util.List.of(date),
                "X-Amz-Meta-A", java.util.List.of("1", " 2 "), "Authorization", java.util.List.of("AWS " + AK + ":" + sig)));
        assertEquals(AK, verifier(now).verify(r, null).accessKeyId());
        SignedRequestView tampered = new SignedRequestView("PUT", "/b/k", "uploadId=u&partNumber=4", r.headers());
        assertCode(S3ErrorCode.SignatureDoesNotMatch, () -> verifier(now).verify(tampered, null));
    }

    @Test
    void presignedUrlsExpireAndAreBounded() throws Exception {
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        long expires = now.getEpochSecond() + 300;
        String sig = hmac("GET\n\n\n" + expires + "\n/b/k");
        String query = "AWSAccessKeyId=" + AK + "&Expires=" + expires + "&Signature="
                + java.net.URLEncoder.encode(sig, StandardCharsets.UTF_8);
        SignedRequestView r = new SignedRequestView("GET", "/b/k", query, Map.of());
        assertEquals(AuthStyle.PRESIGNED_V2, AuthStyle.detect(r));
        assertTrue(verifier(now).verify(r, null).presigned());
        assertCode(S3ErrorCode.AccessDenied, () -> verifier(now.plusSeconds(301)).verify(r, null));
        long tooFar = now.getEpochSecond() + 8L * 24 * 3600;
        String farSig = java.net.URLEncoder.encode(hmac("GET\n\n\n" + tooFar + "\n/b/k"), StandardCharsets.UTF_8);
        SignedRequestView far = new SignedRequestView("GET", "/b/k", "AWSAccessKeyId=" + AK + "&Expires=" + tooFar + "&Signature=" + farSig, Map.of());
        assertCode(S3ErrorCode.AuthorizationQueryParametersError, () -> verifier(now).verify(far, null));
    }

    private static String hmac(String stringToSign) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(SK.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertCode(S3ErrorCode code, org.junit.jupiter.api.function.Executable call) {
        S3AuthException e = assertThrows(S3AuthException.class, call);
        assertEquals(code, e.error(), e.getMessage());
    }
}
