package dev.cairn.gateway.s3.auth;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/** The credentials, time and requests of the S3 SigV4 examples in the AWS documentation. */
final class AwsExamples {
    static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final Instant TIME = Instant.parse("2013-05-24T00:00:00Z");
    static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    static final String CREDENTIAL = ACCESS_KEY + "/20130524/us-east-1/s3/aws4_request";

    private AwsExamples() {
    }

    static CredentialsLookup credentials() {
        return id -> ACCESS_KEY.equals(id) ? SECRET_KEY : null;
    }

    static SigV4Verifier verifierAt(Instant now) {
        return SigV4Verifier.create(credentials(), SigV4Settings.defaults(), Clock.fixed(now, ZoneOffset.UTC));
    }

    static SigV4Verifier verifier() {
        return verifierAt(TIME);
    }

    static String authorization(String signedHeaders, String signature) {
        return "AWS4-HMAC-SHA256 Credential=" + CREDENTIAL + ",SignedHeaders=" + signedHeaders + ",Signature="
                + signature;
    }

    /** GET /test.txt with Range: bytes=0-9, signed with the documented signature. */
    static Map<String, String> getObjectHeaders() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Host", "examplebucket.s3.amazonaws.com");
        h.put("Range", "bytes=0-9");
        h.put("x-amz-content-sha256", EMPTY_SHA256);
        h.put("x-amz-date", "20130524T000000Z");
        h.put("Authorization", authorization("host;range;x-amz-content-sha256;x-amz-date",
                "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"));
        return h;
    }

    static SignedRequestView getObject() {
        return SignedRequestView.of("GET", "/test.txt", "", getObjectHeaders());
    }
}
