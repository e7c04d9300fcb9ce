package dev.cairn.gateway.s3.auth;

import dev.cairn.gateway.s3.error.S3ErrorCode;
import static dev.cairn.gateway.s3.auth.AwsExamples.EMPTY_SHA256;
import static dev.cairn.gateway.s3.auth.AwsExamples.authorization;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The examples of "Signature Calculations for the Authorization Header" (single chunk and
 * multiple chunks) and "Query Parameters" from the Amazon S3 API reference, verified with the
 * signatures printed there.
 */
class AwsDocumentationExamplesTest {

    private final SigV4Verifier verifier = AwsExamples.verifier();

    @Test
    void getObjectWithRange() {
        VerifiedRequest verified = verifier.verify(AwsExamples.getObject());

        assertEquals(AwsExamples.ACCESS_KEY, verified.accessKeyId());
        assertEquals("us-east-1", verified.region());
        assertEquals(AwsExamples.TIME, verified.signedAt());
        assertEquals(PayloadMode.SIGNED_PAYLOAD, verified.payloadMode());
        assertEquals(EMPTY_SHA256, verified.payloadSha256Hex());
        assertNull(verified.chunkVerifier());
        assertFalse(verified.presigned());
    }

    @Test
    void getObjectCanonicalRequestMatchesTheDocumentation() {
        SignedRequestView request = AwsExamples.getObject();
        String canonical = CanonicalRequest.build(request, "/test.txt", QueryParameters.parse(""),
                List.of("host", "range", "x-amz-content-sha256", "x-amz-date"), EMPTY_SHA256, null);

        assertEquals("GET\n/test.txt\n\nhost:examplebucket.s3.amazonaws.com\nrange:bytes=0-9\n"
                + "x-amz-content-sha256:" + EMPTY_SHA256 + "\nx-amz-date:20130524T000000Z\n\n"
                + "host;range;x-amz-content-sha256;x-amz-date\n" + EMPTY_SHA256, canonical);
        assertEquals("7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972", Crypto.sha256Hex(canonical));
    }

    @Test
    void getObjectWithAnotherRangeDoesNotMatch() {
        Map<String, String> headers = AwsExamples.getObjectHeaders();
        headers.put("Range", "bytes=0-10");

        S3AuthException e = assertThrows(S3AuthException.class,
                () -> verifier.verify(SignedRequestView.of("GET", "/test.txt", "", headers)));
        assertEquals(S3ErrorCode.SignatureDoesNotMatch, e.error());
        assertTrue(e.details().get("CanonicalRequest").contains("range:bytes=0-10\n"));
    }

    @Test
    void putObjectWithDollarInKeyAndStorageClass() {
        String payloadHash = Crypto.sha256Hex("Welcome to Amazon S3.");
        assertEquals("44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072", payloadHash);
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Host", "examplebucket.s3.amazonaws.com");
        h.put("Date", "Fri, 24 May 2013 00:00:00 GMT");
        h.put("x-amz-date", "20130524T000000Z");
        h.put("x-amz-storage-class", "REDUCED_REDUNDANCY");
        h.put("x-amz-content-sha256", payloadHash);
        h.put("Authorization", authorization("date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class",
                "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd"));

        // The raw path as a client sends it ($ escaped) and as it could arrive unescaped.
        for (String rawPath : List.of("/test%24file.text", "/test$file.text")) {
            VerifiedRequest verified = verifier.verify(SignedRequestView.of("PUT", rawPath, "", h));
            assertEquals(payloadHash, verified.payloadSha256Hex());
        }
    }

    @Test
    void getBucketLifecycle() {
        Map<String, String> h = bucketHeaders("fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543");

        verifier.verify(SignedRequestView.of("GET", "/", "lifecycle", h));
        verifier.verify(SignedRequestView.of("GET", "/", "lifecycle=", h));
        assertEquals(S3ErrorCode.SignatureDoesNotMatch, assertThrows(S3AuthException.class,
                () -> verifier.verify(SignedRequestView.of("GET", "/", "policy", h))).error());
    }

    @Test
    void listObjectsWithMaxKeysAndPrefix() {
        Map<String, String> h = bucketHeaders("34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7");

        verifier.verify(SignedRequestView.of("GET", "/", "max-keys=2&prefix=J", h));
        verifier.verify(SignedRequestView.of("GET", "/", "prefix=J&max-keys=2", h)); // order does not matter
        assertEquals(S3ErrorCode.SignatureDoesNotMatch, assertThrows(S3AuthException.class,
                () -> verifier.verify(SignedRequestView.of("GET", "/", "max-keys=2&prefix=K", h))).error());
    }

    @Test
    void presignedGetObject() {
        String query = "X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
                + "&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"
                + "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404";
        SignedRequestView request = SignedRequestView.of("GET", "/test.txt", query,
                Map.of("Host", "examplebucket.s3.amazonaws.com"));

        VerifiedRequest verified = verifier.verify(request);

        assertTrue(verified.presigned());
        assertEquals(PayloadMode.UNSIGNED_PAYLOAD, verified.payloadMode());
        assertNull(verified.payloadSha256Hex());
        // Still valid at the last second of its day, expired one second later.
        AwsExamples.verifierAt(AwsExamples.TIME.plusSeconds(86400)).verify(request);
        S3AuthException e = assertThrows(S3AuthException.class,
                () -> AwsExamples.verifierAt(AwsExamples.TIME.plusSeconds(86401)).verify(request));
        assertEquals(S3ErrorCode.AccessDenied, e.error());
        assertEquals("Request has expired", e.getMessage());
    }

    @Test
    void streamingPutObjectSeedAndChunks() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Host", "s3.amazonaws.com");
        h.put("x-amz-date", "20130524T000000Z");
        h.put("x-amz-storage-class", "REDUCED_REDUNDANCY");
        h.put("x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD");
        h.put("Content-Encoding", "aws-chunked");
        h.put("x-amz-decoded-content-length", "66560");
        h.put("Content-Length", "66824");
        h.put("Authorization", authorization("content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;"
                + "x-amz-decoded-content-length;x-amz-storage-class",
                "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9"));

        VerifiedRequest verified = verifier.verify(SignedRequestView.of("PUT", "/examplebucket/chunkObject.txt", "", h));

        assertEquals(PayloadMode.STREAMING_SIGNED, verified.payloadMode());
        ChunkSignatureVerifier chain = verified.streamingVerifier().orElseThrow();
        assertTrue(chain.verifyChunk(sha256OfAs(65536), "ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648"));
        assertTrue(chain.verifyChunk(sha256OfAs(1024), "0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497"));
        assertTrue(chain.verifyChunk(sha256OfAs(0), "b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9"));
        assertFalse(chain.verifyTrailer(sha256OfAs(0), "b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9"),
                "no trailer was announced");
    }

    @Test
    void streamingChunksOutOfOrderFail() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Host", "s3.amazonaws.com");
        h.put("x-amz-date", "20130524T000000Z");
        h.put("x-amz-storage-class", "REDUCED_REDUNDANCY");
        h.put("x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD");
        h.put("Content-Encoding", "aws-chunked");
        h.put("x-amz-decoded-content-length", "66560");
        h.put("Content-Length", "66824");
        h.put("Authorization", authorization("content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;"
                + "x-amz-decoded-content-length;x-amz-storage-class",
                "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9"));
        ChunkSignatureVerifier chain = verifier.verify(
                SignedRequestView.of("PUT", "/examplebucket/chunkObject.txt", "", h)).chunkVerifier();

        // The second chunk's signature, presented first, is refused; the chain then stays broken.
        assertFalse(chain.verifyChunk(sha256OfAs(1024), "0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497"));
        assertFalse(chain.verifyChunk(sha256OfAs(65536), "ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648"));
    }

    private static Map<String, String> bucketHeaders(String signature) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Host", "examplebucket.s3.amazonaws.com");
        h.put("x-amz-date", "20130524T000000Z");
        h.put("x-amz-content-sha256", EMPTY_SHA256);
        h.put("Authorization", authorization("host;x-amz-content-sha256;x-amz-date", signature));
        return h;
    }

    static byte[] sha256OfAs(int count) {
        byte[] data = new byte[count];
        Arrays.fill(data, (byte) 'a');
        return Crypto.sha256(data);
    }
}
