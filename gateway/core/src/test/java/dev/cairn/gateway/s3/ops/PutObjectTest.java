package dev.cairn.gateway.s3.ops;

import static dev.cairn.gateway.s3.ops.ObjectTestSupport.assertError;
import static dev.cairn.gateway.s3.ops.ObjectTestSupport.crc32Base64;
import static dev.cairn.gateway.s3.ops.ObjectTestSupport.md5Base64;
import static dev.cairn.gateway.s3.ops.ObjectTestSupport.md5Hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BlobKey;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.gateway.s3.S3TestClient;
import dev.cairn.gateway.s3.S3TestClient.Payload;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class PutObjectTest {
    private final S3TestClient s3 = new S3TestClient();

    @BeforeEach
    void bucket() {
        assertEquals(200, s3.request("PUT", "/bkt").send().status());
    }

    private S3TestClient.Response get(String path) {
        return s3.request("GET", path).send();
    }

    private double integrityFailures() {
        var c = s3.registry().find("integrity.fail").tag("reason", "checksum_mismatch").counter();
        return c == null ? 0 : c.count();
    }

    @ParameterizedTest
    @EnumSource(Payload.class)
    void roundTripsInEveryPayloadMode(Payload payload) {
        byte[] data = new byte[200_000];
        new Random(7).nextBytes(data);
        S3TestClient.Response put = s3.request("PUT", "/bkt/dir/obj.bin").payload(payload).body(data).send();
        assertEquals(200, put.status(), put.text());
        assertEquals("\"" + md5Hex(data) + "\"", put.header("ETag"));
        assertNull(put.header("x-amz-checksum-crc32"), "no checksum echoed unless the client sent one");
        assertEquals(s3.store().stat(new BlobKey("bkt", "dir/obj.bin")).blake3(), put.header("x-cairn-b3"));
        S3TestClient.Response got = get("/bkt/dir/obj.bin");
        assertEquals(200, got.status());
        assertArrayEquals(data, got.body());
        assertEquals("binary/octet-stream", got.header("Content-Type"), "S3's default type");
        assertEquals(Integer.toString(data.length), got.header("Content-Length"));
        assertEquals("bytes", got.header("Accept-Ranges"));
        assertTrue(got.header("Last-Modified").endsWith(" GMT"), got.header("Last-Modified"));
        assertEquals(put.header("ETag"), got.header("ETag"));
    }

    @Test
    void emptyObject() {
        assertEquals(200, s3.request("PUT", "/bkt/empty").body(new byte[0]).send().status());
        S3TestClient.Response got = get("/bkt/empty");
        assertEquals(200, got.status());
        assertEquals(0, got.body().length);
        assertEquals("\"d41d8cd98f00b204e9800998ecf8427e\"", got.header("ETag"));
    }

    @Test
    void wrongContentMd5IsBadDigestAndKeepsThePreviousVersion() {
        s3.request("PUT", "/bkt/k").body("first").send();
        S3TestClient.Response bad = s3.request("PUT", "/bkt/k").header("Content-MD5", md5Base64("other".getBytes(StandardCharsets.UTF_8)))
                .body("second").send();
        assertError(bad, 400, "BadDigest");
        assertEquals("first", get("/bkt/k").text());
        assertEquals(1.0, integrityFailures());
        S3TestClient.Response good = s3.request("PUT", "/bkt/k").header("Content-MD5", md5Base64("second".getBytes(StandardCharsets.UTF_8)))
                .body("second").send();
        assertEquals(200, good.status(), good.text());
        assertEquals("second", get("/bkt/k").text());
        assertError(s3.request("PUT", "/bkt/k").header("Content-MD5", "not-base64").body("x").send(), 400, "InvalidDigest");
    }

    @Test
    void wrongChecksumHeaderIsBadDigest() {
        s3.request("PUT", "/bkt/k").body("first").send();
        S3TestClient.Response bad = s3.request("PUT", "/bkt/k").header("x-amz-checksum-crc32", crc32Base64("nope".getBytes(StandardCharsets.UTF_8)))
                .body("second").send();
        assertError(bad, 400, "BadDigest");
        assertEquals("first", get("/bkt/k").text());
        assertEquals(1.0, integrityFailures());
    }

    @Test
    void checksumHeaderIsStoredEchoedAndReturnedOnRequest() {
        byte[] data = "checksummed".getBytes(StandardCharsets.UTF_8);
        String crc = crc32Base64(data);
        S3TestClient.Response put = s3.request("PUT", "/bkt/c").payload(Payload.UNSIGNED).header("x-amz-checksum-crc32", crc).body(data).send();
        assertEquals(200, put.status(), put.text());
        assertEquals(crc, put.header("x-amz-checksum-crc32"));
        assertNull(get("/bkt/c").header("x-amz-checksum-crc32"), "only with x-amz-checksum-mode");
        S3TestClient.Response withMode = s3.request("GET", "/bkt/c").header("x-amz-checksum-mode", "ENABLED").send();
        assertEquals(crc, withMode.header("x-amz-checksum-crc32"));
        assertEquals("FULL_OBJECT", withMode.header("x-amz-checksum-type"));
        S3TestClient.Response ranged = s3.request("GET", "/bkt/c").header("x-amz-checksum-mode", "ENABLED").header("Range", "bytes=0-1").send();
        assertEquals(206, ranged.status());
        assertNull(ranged.header("x-amz-checksum-crc32"), "a range is not the object the checksum covers");
        assertEquals(crc, s3.request("HEAD", "/bkt/c").header("x-amz-checksum-mode", "ENABLED").send().header("x-amz-checksum-crc32"));
        assertEquals(crc, s3.store().stat(new BlobKey("bkt", "c")).checksums().get(ChecksumAlgorithm.CRC32));
    }

    @Test
    void tamperedStreamingChunkIsRefusedAndNothingIsStored() {
        byte[] data = new byte[100_000];
        new Random(3).nextBytes(data);
        S3TestClient.Response r = s3.request("PUT", "/bkt/streamed").payload(Payload.STREAMING).body(data)
                .tamper(wire -> {
                    byte[] copy = Arrays.copyOf(wire, wire.length);
                    copy[copy.length / 2] ^= 1; // inside the first chunk's data
                    return copy;
                })
                .send();
        assertError(r, 403, "SignatureDoesNotMatch");
        assertError(get("/bkt/streamed"), 404, "NoSuchKey");
        assertEquals(0.0, integrityFailures(), "a forged chunk is an authentication failure, not a digest mismatch");
    }

    @Test
    void tamperedSignedBodyIsRefused() {
        s3.request("PUT", "/bkt/k").body("first").send();
        S3TestClient.Response r = s3.request("PUT", "/bkt/k").body("second").tamper(w -> "sec0nd".getBytes(StandardCharsets.UTF_8)).send();
        assertError(r, 400, "XAmzContentSHA256Mismatch");
        assertEquals("first", get("/bkt/k").text());
    }

    @Test
    void bodyShorterThanContentLengthIsIncompleteBodyNotADigestError() {
        s3.request("PUT", "/bkt/k").body("first").send();
        double before = s3.registry().counter("integrity.fail", "reason", "checksum_mismatch").count();
        S3TestClient.Response r = s3.request("PUT", "/bkt/k").payload(Payload.UNSIGNED).body("second")
                .tamper(w -> "sec".getBytes(StandardCharsets.UTF_8)).send();
        assertEquals(400, r.status(), r.text());
        assertTrue(r.text().contains("<Code>IncompleteBody</Code>"), r.text());
        assertEquals(before, s3.registry().counter("integrity.fail", "reason", "checksum_mismatch").count(),
                "a short body is the client's mistake, not an integrity failure");
        assertEquals("first", s3.request("GET", "/bkt/k").send().text());
    }

    @Test
    void contentHeadersRoundTrip() {
        S3TestClient.Response put = s3.request("PUT", "/bkt/page.html")
                .header("Content-Type", "text/html; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"page.html\"")
                .header("Content-Encoding", "gzip")
                .header("Content-Language", "en-GB")
                .header("Cache-Control", "max-age=60")
                .header("Expires", "Thu, 01 Dec 2094 16:00:00 GMT")
                .body("<p>").send();
        assertEquals(200, put.status(), put.text());
        for (String method : new String[] {"GET", "HEAD"}) {
            S3TestClient.Response got = s3.request(method, "/bkt/page.html").send();
            assertEquals("text/html; charset=utf-8", got.header("Content-Type"));
            assertEquals("attachment; filename=\"page.html\"", got.header("Content-Disposition"));
            assertEquals("gzip", got.header("Content-Encoding"));
            assertEquals("en-GB", got.header("Content-Language"));
            assertEquals("max-age=60", got.header("Cache-Control"));
            assertEquals("Thu, 01 Dec 2094 16:00:00 GMT", got.header("Expires"));
        }
    }

    @Test
    void awsChunkedCodingIsNotStored() {
        S3TestClient.Response put = s3.request("PUT", "/bkt/z").payload(Payload.STREAMING).header("Content-Encoding", "aws-chunked,gzip")
                .body("zz").send();
        assertEquals(200, put.status(), put.text());
        assertEquals("gzip", get("/bkt/z").header("Content-Encoding"));
        s3.request("PUT", "/bkt/z2").payload(Payload.STREAMING).header("Content-Encoding", "aws-chunked").body("zz").send();
        assertNull(get("/bkt/z2").header("Content-Encoding"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "gzip, aws-chunked|gzip",
        "aws-chunked, gzip|gzip",
        "aws-chunked,gzip|gzip",
        "gzip, aws-chunked, br|gzip, br",
        "AWS-Chunked|",
        "gzip, br|gzip, br",
        "identity|identity"})
    void onlyTheAwsChunkedCodingIsDropped(String sent, String stored) {
        for (Payload payload : Payload.values()) {
            S3TestClient.Response put = s3.request("PUT", "/bkt/enc").payload(payload).header("Content-Encoding", sent).body("zz").send();
            assertEquals(200, put.status(), put.text());
            for (String method : new String[] {"GET", "HEAD"}) {
                assertEquals(stored, s3.request(method, "/bkt/enc").send().header("Content-Encoding"), payload + " " + method);
            }
            assertEquals(stored, s3.store().stat(new BlobKey("bkt", "enc")).contentHeaders().get("content-encoding"));
        }
        S3TestClient.Response copy = s3.request("PUT", "/bkt/enc2").header("x-amz-copy-source", "/bkt/enc")
                .header("x-amz-metadata-directive", "REPLACE").header("Content-Encoding", sent).send();
        assertEquals(200, copy.status(), copy.text());
        assertEquals(stored, s3.request("HEAD", "/bkt/enc2").send().header("Content-Encoding"), "CopyObject with REPLACE");
    }

    @Test
    void userMetadataRoundTripsExactly() {
        String encodedWord = "=?UTF-8?B?w6l0w6k=?=";
        S3TestClient.Response put = s3.request("PUT", "/bkt/m")
                .header("x-amz-meta-Colour", "blue")
                .header("x-amz-meta-encoded", encodedWord)
                .header("x-amz-meta-raw", "café ☕")
                .header("x-amz-meta-spaces", "a  b")
                .body("m").send();
        assertEquals(200, put.status(), put.text());
        for (String method : new String[] {"GET", "HEAD"}) {
            S3TestClient.Response got = s3.request(method, "/bkt/m").send();
            assertEquals("blue", got.header("x-amz-meta-colour"), "names are lower-cased");
            assertEquals(encodedWord, got.header("x-amz-meta-encoded"), "RFC 2047 words are kept as sent");
            assertEquals("café ☕", got.header("x-amz-meta-raw"), "raw UTF-8 is kept as sent");
            assertEquals("a  b", got.header("x-amz-meta-spaces"));
        }
        assertEquals("blue", s3.store().stat(new BlobKey("bkt", "m")).userMetadata().get("colour"));
    }

    @Test
    void userMetadataOverTwoKilobytesIsRefused() {
        String name = "x-amz-meta-k"; // the name counts without its prefix: 1 byte
        assertEquals(200, s3.request("PUT", "/bkt/limit").header(name, "v".repeat(2047)).body("x").send().status(), "exactly 2 KB");
        S3TestClient.Response big = s3.request("PUT", "/bkt/limit2").header(name, "v".repeat(2048)).body("x").send();
        assertError(big, 400, "MetadataTooLarge");
        S3TestClient.Response multibyte = s3.request("PUT", "/bkt/limit3").header(name, "é".repeat(1024)).body("x").send();
        assertError(multibyte, 400, "MetadataTooLarge"); // 2048 UTF-8 bytes of value + 1 of name
        assertError(get("/bkt/limit2"), 404, "NoSuchKey");
    }

    @Test
    void ifNoneMatchStarCreatesOnlyOnce() {
        assertEquals(200, s3.request("PUT", "/bkt/once").header("If-None-Match", "*").body("1").send().status());
        assertError(s3.request("PUT", "/bkt/once").header("If-None-Match", "*").body("2").send(), 412, "PreconditionFailed");
        assertEquals("1", get("/bkt/once").text());
        assertError(s3.request("PUT", "/bkt/once").header("If-None-Match", "\"abc\"").body("3").send(), 501, "NotImplemented");
    }

    @Test
    void ifMatchReplacesOnlyThatVersion() {
        String etag = s3.request("PUT", "/bkt/cas").body("1").send().header("ETag");
        assertError(s3.request("PUT", "/bkt/cas").header("If-Match", "\"0123\"").body("2").send(), 412, "PreconditionFailed");
        assertEquals(200, s3.request("PUT", "/bkt/cas").header("If-Match", etag).body("2").send().status());
        assertEquals("2", get("/bkt/cas").text());
        assertError(s3.request("PUT", "/bkt/cas").header("If-Match", etag).body("3").send(), 412, "PreconditionFailed");
        assertError(s3.request("PUT", "/bkt/missing").header("If-Match", etag).body("3").send(), 404, "NoSuchKey");
        assertError(s3.request("PUT", "/bkt/cas").header("If-Match", "*").body("3").send(), 501, "NotImplemented");
    }

    @Test
    void conditionalWritesAreNotImplementedWithoutTheCapability() {
        S3TestClient plain = new S3TestClient(ObjectTestSupport.withoutCapabilities(new S3TestClient().store()));
        plain.request("PUT", "/bkt").send();
        String etag = plain.request("PUT", "/bkt/k").body("1").send().header("ETag");
        assertError(plain.request("PUT", "/bkt/k").header("If-None-Match", "*").body("2").send(), 501, "NotImplemented");
        assertError(plain.request("PUT", "/bkt/k").header("If-Match", etag).body("2").send(), 501, "NotImplemented");
        assertEquals("1", plain.request("GET", "/bkt/k").send().text());
    }

    @Test
    void errorsBeforeTheBody() {
        assertError(s3.request("PUT", "/nobucket/k").body("x").send(), 404, "NoSuchBucket");
        String longKey = "k".repeat(1025);
        assertError(s3.request("PUT", "/bkt/" + longKey).body("x").send(), 400, "KeyTooLongError");
        assertEquals(200, s3.request("PUT", "/bkt/" + "k".repeat(1024)).body("x").send().status());
    }
}
