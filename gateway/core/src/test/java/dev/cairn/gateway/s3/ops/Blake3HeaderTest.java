package dev.cairn.gateway.s3.ops;

import static dev.cairn.gateway.s3.ops.ObjectTestSupport.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.digest.Hex;
import dev.cairn.gateway.s3.S3TestClient;
import dev.cairn.gateway.s3.S3TestClient.Payload;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.bouncycastle.crypto.digests.Blake3Digest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code x-cairn-b3}: exposed on every object response, and verified when a PutObject sends it. */
class Blake3HeaderTest {
    /** BLAKE3 of no bytes, from the BLAKE3 reference test vectors. */
    private static final String EMPTY_B3 = "af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262";

    private final S3TestClient s3 = new S3TestClient();

    @BeforeEach
    void bucket() {
        assertEquals(200, s3.request("PUT", "/bkt").send().status());
    }

    /** BLAKE3 straight from BouncyCastle, not through Cairn's digest wrapper. */
    static String b3(byte[] data) {
        Blake3Digest d = new Blake3Digest(256);
        d.update(data, 0, data.length);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return Hex.encode(out);
    }

    private double integrityFailures() {
        var c = s3.registry().find("integrity.fail").tag("reason", "checksum_mismatch").counter();
        return c == null ? 0 : c.count();
    }

    private static byte[] random(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    @Test
    void referenceVector() {
        assertEquals(EMPTY_B3, b3(new byte[0]));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 1024, 1025, 200_003})
    void everyObjectResponseCarriesTheRightDigest(int size) {
        byte[] data = random(size, size);
        String expected = b3(data);
        S3TestClient.Response put = s3.request("PUT", "/bkt/o").body(data).send();
        assertEquals(200, put.status(), put.text());
        assertEquals(expected, put.header("x-cairn-b3"));
        assertEquals(expected, s3.request("GET", "/bkt/o").send().header("x-cairn-b3"));
        assertEquals(expected, s3.request("HEAD", "/bkt/o").send().header("x-cairn-b3"));
        S3TestClient.Response copy = s3.request("PUT", "/bkt/copy").header("x-amz-copy-source", "/bkt/o").send();
        assertEquals(200, copy.status(), copy.text());
        assertEquals(expected, copy.header("x-cairn-b3"));
        assertEquals(expected, s3.request("HEAD", "/bkt/copy").send().header("x-cairn-b3"));
        if (size == 0) {
            assertEquals(EMPTY_B3, put.header("x-cairn-b3"));
        }
    }

    @ParameterizedTest
    @EnumSource(Payload.class)
    void matchingExpectedDigestIsStored(Payload payload) {
        byte[] data = random(70_000, 1);
        S3TestClient.Response put = s3.request("PUT", "/bkt/k").payload(payload).header("x-cairn-b3", b3(data)).body(data).send();
        assertEquals(200, put.status(), put.text());
        assertEquals(b3(data), put.header("x-cairn-b3"));
        assertEquals(0.0, integrityFailures());
    }

    @ParameterizedTest
    @EnumSource(Payload.class)
    void mismatchIsBadDigestAndNothingIsStored(Payload payload) {
        s3.request("PUT", "/bkt/k").body("first").send();
        byte[] data = random(70_000, 2);
        S3TestClient.Response bad = s3.request("PUT", "/bkt/k").payload(payload).header("x-cairn-b3", b3("other".getBytes(StandardCharsets.UTF_8)))
                .body(data).send();
        assertError(bad, 400, "BadDigest");
        assertTrue(bad.text().contains("x-cairn-b3"), bad.text());
        assertEquals("first", s3.request("GET", "/bkt/k").send().text(), "the previous version stays");
        assertEquals(1.0, integrityFailures());
        S3TestClient.Response fresh = s3.request("PUT", "/bkt/new").payload(payload).header("x-cairn-b3", EMPTY_B3).body(data).send();
        assertError(fresh, 400, "BadDigest");
        assertError(s3.request("GET", "/bkt/new").send(), 404, "NoSuchKey");
        assertEquals(2.0, integrityFailures());
    }

    @Test
    void mismatchWithAMatchingContentMd5NamesTheBlake3() {
        byte[] data = "body".getBytes(StandardCharsets.UTF_8);
        S3TestClient.Response bad = s3.request("PUT", "/bkt/k").header("Content-MD5", ObjectTestSupport.md5Base64(data))
                .header("x-cairn-b3", EMPTY_B3).body(data).send();
        assertError(bad, 400, "BadDigest");
        assertTrue(bad.text().contains("x-cairn-b3") && !bad.text().contains("Content-MD5"), bad.text());
        S3TestClient.Response md5Wrong = s3.request("PUT", "/bkt/k").header("Content-MD5", ObjectTestSupport.md5Base64(new byte[0]))
                .header("x-cairn-b3", b3(data)).body(data).send();
        assertError(md5Wrong, 400, "BadDigest");
        assertTrue(md5Wrong.text().contains("Content-MD5"), md5Wrong.text());
    }

    @Test
    void copyVerifiesTheExpectedDigestOfWhatItCopies() {
        byte[] data = random(5000, 3);
        s3.request("PUT", "/bkt/src").body(data).send();
        S3TestClient.Response ok = s3.request("PUT", "/bkt/dst").header("x-amz-copy-source", "/bkt/src").header("x-cairn-b3", b3(data)).send();
        assertEquals(200, ok.status(), ok.text());
        assertEquals(b3(data), ok.header("x-cairn-b3"));
        S3TestClient.Response bad = s3.request("PUT", "/bkt/dst2").header("x-amz-copy-source", "/bkt/src").header("x-cairn-b3", EMPTY_B3).send();
        assertError(bad, 400, "BadDigest");
        assertTrue(bad.text().contains("x-cairn-b3"), bad.text());
        assertError(s3.request("GET", "/bkt/dst2").send(), 404, "NoSuchKey");
        assertEquals(1.0, integrityFailures());
        assertError(s3.request("PUT", "/bkt/dst3").header("x-amz-copy-source", "/bkt/src").header("x-cairn-b3", "xyz").send(), 400, "InvalidDigest");
        assertError(s3.request("GET", "/bkt/dst3").send(), 404, "NoSuchKey");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "AF1349B9F5F9A1A6A0404DEA36DCC9499BCB25C9ADC112B7CC9A93CAE41F3262", // upper case
        "af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f326", // 63 digits
        "af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f32620", // 65 digits
        "zf1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262",
        "rxNJufX5oaagQE3qNtzJSZvLJcmtwRK3zJqTyuQfMmI=", // base64 of the same digest
        ""})
    void malformedValueIsInvalidDigestBeforeTheBodyIsRead(String value) {
        S3TestClient.Response r = s3.request("PUT", "/bkt/k").header("x-cairn-b3", value).body("x").send();
        assertError(r, 400, "InvalidDigest");
        assertError(s3.request("GET", "/bkt/k").send(), 404, "NoSuchKey");
        assertEquals(0.0, integrityFailures(), "a malformed header is not an integrity failure");
    }
}
