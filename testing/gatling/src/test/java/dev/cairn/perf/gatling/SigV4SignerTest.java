package dev.cairn.perf.gatling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SigV4SignerTest {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final Instant AT = Instant.parse("2015-08-30T12:36:00Z");

    private static Map<String, String> vanillaHeaders() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Host", "example.amazonaws.com");
        h.put("X-Amz-Date", "20150830T123600Z");
        return h;
    }

    /** get-vanilla from the AWS SigV4 test suite (expected value taken from the suite, not from this code). */
    @Test
    void signsGetVanillaLikeTheAwsTestSuite() {
        SigV4Signer signer = new SigV4Signer("AKIDEXAMPLE", SECRET, "us-east-1", "service");
        assertEquals("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                        + "SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
                signer.authorization("GET", "/", "", vanillaHeaders(), SigV4Signer.EMPTY_SHA256, AT));
    }

    /** get-vanilla-query-order-key-case from the same suite: the query takes part in the signature. */
    @Test
    void signsTheCanonicalQuery() {
        SigV4Signer signer = new SigV4Signer("AKIDEXAMPLE", SECRET, "us-east-1", "service");
        String auth = signer.authorization("GET", "/", "Param1=value1&Param2=value2", vanillaHeaders(), SigV4Signer.EMPTY_SHA256, AT);
        assertEquals("b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500", auth.substring(auth.indexOf("Signature=") + 10));
    }

    @Test
    void theCachedDayKeyIsRenewedOnANewDay() {
        SigV4Signer signer = new SigV4Signer("AKIDEXAMPLE", SECRET, "us-east-1", "service");
        signer.authorization("GET", "/", "", vanillaHeaders(), SigV4Signer.EMPTY_SHA256, AT.plusSeconds(86_400));
        // the key cached for 20150831 must not be used to sign a 20150830 request
        assertEquals("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                        + "SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
                signer.authorization("GET", "/", "", vanillaHeaders(), SigV4Signer.EMPTY_SHA256, AT));
    }

    @Test
    void aWrongSecretGivesAnotherSignature() {
        SigV4Signer signer = new SigV4Signer("AKIDEXAMPLE", SECRET + "x", "us-east-1", "service");
        assertNotEquals("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
                signer.authorization("GET", "/", "", vanillaHeaders(), SigV4Signer.EMPTY_SHA256, AT).replaceAll(".*Signature=", ""));
    }

    @Test
    void refusesToSignWithoutHostOrDate() {
        SigV4Signer signer = new SigV4Signer("AKIDEXAMPLE", SECRET, "us-east-1", "service");
        assertThrows(IllegalArgumentException.class,
                () -> signer.authorization("GET", "/", "", Map.of("host", "h"), SigV4Signer.EMPTY_SHA256, AT));
        assertThrows(IllegalArgumentException.class, () -> new SigV4Signer(" ", SECRET, "us-east-1", "s3"));
    }
}
