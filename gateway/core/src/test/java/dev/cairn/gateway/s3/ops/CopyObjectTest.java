package dev.cairn.gateway.s3.ops;

import static dev.cairn.gateway.s3.ops.ObjectTestSupport.assertError;
import static dev.cairn.gateway.s3.ops.ObjectTestSupport.crc32Base64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BlobKey;
import dev.cairn.gateway.http.HttpDates;
import dev.cairn.gateway.s3.S3TestClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CopyObjectTest {
    private final S3TestClient s3 = new S3TestClient();
    private String etag;

    @BeforeEach
    void source() {
        s3.request("PUT", "/src").send();
        s3.request("PUT", "/dst").send();
        etag = s3.request("PUT", "/src/a").header("Content-Type", "text/plain").header("Content-Language", "de")
                .header("x-amz-meta-owner", "ada").body("source bytes").send().header("ETag");
    }

    private S3TestClient.Request copy(String target, String source) {
        return s3.request("PUT", target).header("x-amz-copy-source", source);
    }

    @Test
    void copyKeepsMetadataByDefault() {
        S3TestClient.Response r = copy("/dst/b", "/src/a").send();
        assertEquals(200, r.status(), r.text());
        assertTrue(r.text().startsWith("<?xml"), r.text());
        assertTrue(r.text().contains("<CopyObjectResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><ETag>&quot;"), r.text());
        assertTrue(r.text().contains(etag.replace("\"", "&quot;")), r.text());
        assertTrue(r.text().matches("(?s).*<LastModified>\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z</LastModified>.*"), r.text());
        S3TestClient.Response got = s3.request("GET", "/dst/b").send();
        assertEquals("source bytes", got.text());
        assertEquals("text/plain", got.header("Content-Type"));
        assertEquals("de", got.header("Content-Language"));
        assertEquals("ada", got.header("x-amz-meta-owner"));
        assertEquals(etag, got.header("ETag"));
    }

    @Test
    void copyIgnoresRequestMetadataUnlessReplace() {
        copy("/dst/b", "src/a").header("x-amz-metadata-directive", "COPY").header("x-amz-meta-owner", "bob").header("Content-Type", "x/y")
                .send();
        assertEquals("ada", s3.request("HEAD", "/dst/b").send().header("x-amz-meta-owner"));
        S3TestClient.Response r = copy("/dst/c", "src/a").header("x-amz-metadata-directive", "REPLACE")
                .header("x-amz-meta-team", "blue").header("Cache-Control", "no-store").send();
        assertEquals(200, r.status(), r.text());
        S3TestClient.Response got = s3.request("HEAD", "/dst/c").send();
        assertNull(got.header("x-amz-meta-owner"));
        assertEquals("blue", got.header("x-amz-meta-team"));
        assertEquals("no-store", got.header("Cache-Control"));
        assertNull(got.header("Content-Language"));
        assertEquals("binary/octet-stream", got.header("Content-Type"));
        assertError(copy("/dst/d", "src/a").header("x-amz-metadata-directive", "MERGE").send(), 400, "InvalidArgument");
        assertError(copy("/dst/e", "src/a").header("x-amz-metadata-directive", "REPLACE")
                .header("x-amz-meta-big", "x".repeat(2100)).send(), 400, "MetadataTooLarge");
    }

    @Test
    void selfCopyNeedsReplace() {
        S3TestClient.Response r = copy("/src/a", "/src/a").send();
        assertError(r, 400, "InvalidRequest");
        assertTrue(r.text().contains("copy an object to itself"), r.text());
        S3TestClient.Response replaced = copy("/src/a", "/src/a").header("x-amz-metadata-directive", "REPLACE")
                .header("Content-Type", "text/csv").send();
        assertEquals(200, replaced.status(), replaced.text());
        S3TestClient.Response got = s3.request("GET", "/src/a").send();
        assertEquals("text/csv", got.header("Content-Type"));
        assertEquals("source bytes", got.text());
    }

    @Test
    void sourceConditionsAnswer412() {
        Instant modified = HttpDates.parse(s3.request("HEAD", "/src/a").send().header("Last-Modified"));
        String before = HttpDates.format(modified.minusSeconds(60));
        String after = HttpDates.format(modified.plusSeconds(60));
        assertEquals(200, copy("/dst/1", "src/a").header("x-amz-copy-source-if-match", etag).send().status());
        assertError(copy("/dst/2", "src/a").header("x-amz-copy-source-if-match", "\"nope\"").send(), 412, "PreconditionFailed");
        assertError(copy("/dst/3", "src/a").header("x-amz-copy-source-if-none-match", etag).send(), 412, "PreconditionFailed");
        assertEquals(200, copy("/dst/4", "src/a").header("x-amz-copy-source-if-none-match", "\"nope\"").send().status());
        assertError(copy("/dst/5", "src/a").header("x-amz-copy-source-if-modified-since", after).send(), 412, "PreconditionFailed");
        assertEquals(200, copy("/dst/6", "src/a").header("x-amz-copy-source-if-modified-since", before).send().status());
        assertError(copy("/dst/7", "src/a").header("x-amz-copy-source-if-unmodified-since", before).send(), 412, "PreconditionFailed");
        assertEquals(200, copy("/dst/8", "src/a").header("x-amz-copy-source-if-unmodified-since", after).send().status());
        // S3: If-Match true and If-Unmodified-Since false copies
        assertEquals(200, copy("/dst/9", "src/a").header("x-amz-copy-source-if-match", etag)
                .header("x-amz-copy-source-if-unmodified-since", before).send().status());
        for (String failed : new String[] {"/dst/2", "/dst/3", "/dst/5", "/dst/7"}) {
            assertEquals(404, s3.request("HEAD", failed).send().status(), failed);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a+b        | a%2Bb",
        "a+b        | a+b",
        "with space | with%20space",
        "ünï/cødé ☃ | %C3%BCn%C3%AF/c%C3%B8d%C3%A9%20%E2%98%83",
        "q?x        | q%3Fx",
    })
    void encodedSourceKeys(String key, String encoded) {
        byte[] data = ("bytes of " + key).getBytes(StandardCharsets.UTF_8);
        s3.store().write(new BlobKey("src", key), dev.cairn.blob.ObjectSource.of(data), dev.cairn.blob.WriteOptions.DEFAULTS);
        S3TestClient.Response r = copy("/dst/copied", "/src/" + encoded).send();
        assertEquals(200, r.status(), r.text());
        assertEquals("bytes of " + key, s3.request("GET", "/dst/copied").send().text());
        assertEquals(200, copy("/dst/copied2", "src/" + encoded + "?versionId=null").send().status());
    }

    @Test
    void badSources() {
        assertError(copy("/dst/x", "/src/missing").send(), 404, "NoSuchKey");
        assertError(copy("/dst/x", "/nobucket/a").send(), 404, "NoSuchBucket");
        assertError(copy("/nobucket/x", "/src/a").send(), 404, "NoSuchBucket");
        assertError(copy("/dst/x", "src").send(), 400, "InvalidArgument");
        assertError(copy("/dst/x", "/src/").send(), 400, "InvalidArgument");
        assertError(copy("/dst/x", "/src/a%ZZ").send(), 400, "InvalidArgument");
        assertError(copy("/dst/x", "/src/a%FF").send(), 400, "InvalidArgument");
        assertError(copy("/dst/x", "/src/a?versionId=abc").send(), 400, "InvalidArgument");
        assertError(copy("/dst/x", "/src/" + "k".repeat(1025)).send(), 400, "KeyTooLongError");
    }

    @Test
    void checksumsCarryOver() {
        byte[] data = "crc me".getBytes(StandardCharsets.UTF_8);
        s3.request("PUT", "/src/c").header("x-amz-checksum-crc32", crc32Base64(data)).body(data).send();
        S3TestClient.Response r = copy("/dst/c", "/src/c").send();
        assertTrue(r.text().contains("<ChecksumCRC32>" + crc32Base64(data) + "</ChecksumCRC32>"), r.text());
        S3TestClient.Response asked = copy("/dst/d", "/src/a").header("x-amz-checksum-algorithm", "CRC32").send();
        assertTrue(asked.text().contains("<ChecksumCRC32>" + crc32Base64("source bytes".getBytes(StandardCharsets.UTF_8)) + "</ChecksumCRC32>"),
                asked.text());
        assertError(copy("/dst/e", "/src/a").header("x-amz-checksum-algorithm", "MD4").send(), 400, "InvalidRequest");
    }

    @Test
    void targetConditions() {
        assertEquals(200, copy("/dst/once", "/src/a").header("If-None-Match", "*").send().status());
        assertError(copy("/dst/once", "/src/a").header("If-None-Match", "*").send(), 412, "PreconditionFailed");
    }
}
