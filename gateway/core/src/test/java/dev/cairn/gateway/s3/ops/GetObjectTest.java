package dev.cairn.gateway.s3.ops;

import static dev.cairn.gateway.s3.ops.ObjectTestSupport.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.gateway.http.HttpDates;
import dev.cairn.gateway.s3.S3TestClient;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GetObjectTest {
    private static final String TEXT = "0123456789"; // 10 bytes

    private final S3TestClient s3 = new S3TestClient();
    private String etag;
    private Instant modified;

    @BeforeEach
    void object() {
        s3.request("PUT", "/bkt").send();
        S3TestClient.Response put = s3.request("PUT", "/bkt/k").header("Content-Type", "text/plain").body(TEXT).send();
        etag = put.header("ETag");
        modified = HttpDates.parse(s3.request("HEAD", "/bkt/k").send().header("Last-Modified"));
    }

    private S3TestClient.Request get(String method) {
        return s3.request(method, "/bkt/k");
    }

    @ParameterizedTest
    @CsvSource({
        "bytes=0-3,     0-3/10, 0123",
        "bytes=2-,      2-9/10, 23456789",
        "bytes=-3,      7-9/10, 789",
        "bytes=8-100,   8-9/10, 89",
        "bytes=-100,    0-9/10, 0123456789",
        "bytes=0-9,     0-9/10, 0123456789",
        "BYTES=1-1,     1-1/10, 1",
    })
    void singleRanges(String range, String contentRange, String body) {
        S3TestClient.Response r = get("GET").header("Range", range).send();
        assertEquals(206, r.status(), r.text());
        assertEquals(body, r.text());
        assertEquals("bytes " + contentRange, r.header("Content-Range"));
        assertEquals(Integer.toString(body.length()), r.header("Content-Length"));
        S3TestClient.Response head = get("HEAD").header("Range", range).send();
        assertEquals(206, head.status());
        assertEquals("bytes " + contentRange, head.header("Content-Range"));
        assertEquals(Integer.toString(body.length()), head.header("Content-Length"));
        assertEquals(0, head.body().length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=0-1,4-5", "bytes=0-0, 2-2"})
    void multipleRangesAnswerTheWholeObject(String range) {
        S3TestClient.Response r = get("GET").header("Range", range).send();
        assertEquals(200, r.status());
        assertEquals(TEXT, r.text());
        assertNull(r.header("Content-Range"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=5-2", "items=0-1", "bytes=a-b", "bytes=", "0-1", "bytes=--1"})
    void invalidRangesAreIgnored(String range) {
        S3TestClient.Response r = get("GET").header("Range", range).send();
        assertEquals(200, r.status(), range);
        assertEquals(TEXT, r.text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=10-", "bytes=10-20", "bytes=-0"})
    void unsatisfiableRangesAre416(String range) {
        S3TestClient.Response r = get("GET").header("Range", range).send();
        assertError(r, 416, "InvalidRange");
        assertEquals("bytes */10", r.header("Content-Range"));
        assertTrue(r.text().contains("<RangeRequested>" + range + "</RangeRequested>"), r.text());
        assertTrue(r.text().contains("<ActualObjectSize>10</ActualObjectSize>"), r.text());
        S3TestClient.Response head = get("HEAD").header("Range", range).send();
        assertEquals(416, head.status());
        assertEquals("bytes */10", head.header("Content-Range"));
    }

    @Test
    void rangeOnEmptyObjectIs416() {
        s3.request("PUT", "/bkt/empty").body(new byte[0]).send();
        S3TestClient.Response r = s3.request("GET", "/bkt/empty").header("Range", "bytes=0-").send();
        assertError(r, 416, "InvalidRange");
        assertEquals("bytes */0", r.header("Content-Range"));
    }

    @Test
    void partNumberOneIsTheWholeSinglePartObject() {
        S3TestClient.Response r = get("GET").query("partNumber", "1").send();
        assertEquals(206, r.status(), r.text());
        assertEquals(TEXT, r.text());
        assertEquals("bytes 0-9/10", r.header("Content-Range"));
        assertNull(r.header("x-amz-mp-parts-count"), "single-part objects have no parts count");
        assertEquals(206, get("HEAD").query("partNumber", "1").send().status());
        s3.request("PUT", "/bkt/empty").body(new byte[0]).send();
        assertEquals(200, s3.request("GET", "/bkt/empty").query("partNumber", "1").send().status());
    }

    @Test
    void otherPartNumbers() {
        assertError(get("GET").query("partNumber", "2").send(), 416, "InvalidPartNumber");
        assertError(get("GET").query("partNumber", "0").send(), 400, "InvalidArgument");
        assertError(get("GET").query("partNumber", "10001").send(), 400, "InvalidArgument");
        assertError(get("GET").query("partNumber", "x").send(), 400, "InvalidArgument");
        assertError(get("GET").query("partNumber", "1").header("Range", "bytes=0-1").send(), 400, "InvalidRequest");
        assertError(s3.request("GET", "/bkt/missing").query("partNumber", "2").send(), 404, "NoSuchKey");
    }

    @Test
    void ifMatch() {
        assertEquals(200, get("GET").header("If-Match", etag).send().status());
        assertEquals(200, get("GET").header("If-Match", "\"x\", " + etag).send().status());
        assertEquals(200, get("GET").header("If-Match", "*").send().status());
        S3TestClient.Response failed = get("GET").header("If-Match", "\"other\"").send();
        assertError(failed, 412, "PreconditionFailed");
        assertTrue(failed.text().contains("<Condition>If-Match</Condition>"), failed.text());
        assertEquals(412, get("HEAD").header("If-Match", "\"other\"").send().status());
        assertError(get("GET").header("If-Match", "W/" + etag).send(), 412, "PreconditionFailed");
    }

    @Test
    void ifNoneMatchAnswers304WithValidators() {
        for (String method : new String[] {"GET", "HEAD"}) {
            S3TestClient.Response r = get(method).header("If-None-Match", etag).send();
            assertEquals(304, r.status(), method);
            assertEquals(0, r.body().length);
            assertEquals(etag, r.header("ETag"));
            assertEquals(HttpDates.format(modified), r.header("Last-Modified"));
        }
        assertEquals(304, get("GET").header("If-None-Match", "*").send().status());
        assertEquals(200, get("GET").header("If-None-Match", "\"other\"").send().status());
    }

    @Test
    void dates() {
        String before = HttpDates.format(modified.minusSeconds(60));
        String after = HttpDates.format(modified.plusSeconds(60));
        assertEquals(200, get("GET").header("If-Modified-Since", before).send().status());
        assertEquals(304, get("GET").header("If-Modified-Since", after).send().status());
        assertEquals(304, get("GET").header("If-Modified-Since", HttpDates.format(modified)).send().status());
        assertEquals(200, get("GET").header("If-Unmodified-Since", after).send().status());
        S3TestClient.Response failed = get("GET").header("If-Unmodified-Since", before).send();
        assertError(failed, 412, "PreconditionFailed");
        assertTrue(failed.text().contains("<Condition>If-Unmodified-Since</Condition>"), failed.text());
        assertEquals(200, get("GET").header("If-Modified-Since", "not a date").send().status(), "unparseable dates are ignored");
    }

    @Test
    void s3Precedence() {
        String before = HttpDates.format(modified.minusSeconds(60));
        String after = HttpDates.format(modified.plusSeconds(60));
        // If-Match true + If-Unmodified-Since false: 200
        assertEquals(200, get("GET").header("If-Match", etag).header("If-Unmodified-Since", before).send().status());
        // If-None-Match false + If-Modified-Since true: 304
        assertEquals(304, get("GET").header("If-None-Match", etag).header("If-Modified-Since", before).send().status());
        // If-None-Match true (etag differs) + If-Modified-Since false: 200
        assertEquals(200, get("GET").header("If-None-Match", "\"other\"").header("If-Modified-Since", after).send().status());
        // If-Match fails before If-None-Match is looked at
        assertEquals(412, get("GET").header("If-Match", "\"other\"").header("If-None-Match", etag).send().status());
    }

    @Test
    void responseOverrides() {
        // The test client percent-encodes query values itself.
        S3TestClient.Response r = get("GET")
                .query("response-content-type", "application/json")
                .query("response-content-language", "fr")
                .query("response-expires", "Wed, 21 Oct 2015 07:28:00 GMT")
                .query("response-cache-control", "no-cache")
                .query("response-content-disposition", "attachment; filename=\"a b.txt\"")
                .query("response-content-encoding", "identity")
                .send();
        assertEquals(200, r.status(), r.text());
        assertEquals("application/json", r.header("Content-Type"));
        assertEquals("fr", r.header("Content-Language"));
        assertEquals("Wed, 21 Oct 2015 07:28:00 GMT", r.header("Expires"));
        assertEquals("no-cache", r.header("Cache-Control"));
        assertEquals("attachment; filename=\"a b.txt\"", r.header("Content-Disposition"));
        assertEquals("identity", r.header("Content-Encoding"));
        assertEquals("application/json", get("HEAD").query("response-content-type", "application/json").send().header("Content-Type"));
        assertEquals("text/plain", get("GET").send().header("Content-Type"), "overrides are not stored");
        assertError(get("GET").query("response-content-type", "a\r\nX-Injected: 1").send(), 400, "InvalidArgument");
    }

    @Test
    void versionIds() {
        assertEquals(200, get("GET").query("versionId", "null").send().status());
        assertEquals(200, get("HEAD").query("versionId", "null").send().status());
        S3TestClient.Response other = get("GET").query("versionId", "3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY").send();
        assertError(other, 400, "InvalidArgument");
        assertTrue(other.text().contains("Invalid version id specified"), other.text());
        assertError(get("GET").query("versionId", "").send(), 400, "InvalidArgument");
    }

    @Test
    void blake3AndMissingKeys() {
        S3TestClient.Response r = get("GET").send();
        assertTrue(r.header("x-cairn-b3").matches("[0-9a-f]{64}"), r.header("x-cairn-b3"));
        assertNull(r.header("x-amz-meta-b3"), "user metadata is not polluted");
        S3TestClient.Response missing = s3.request("GET", "/bkt/nope").send();
        assertError(missing, 404, "NoSuchKey");
        assertTrue(missing.text().contains("<Key>nope</Key>"), missing.text());
        assertEquals(404, s3.request("HEAD", "/bkt/nope").send().status());
        assertEquals(0, s3.request("HEAD", "/bkt/nope").send().body().length);
        assertError(s3.request("GET", "/nobucket/k").send(), 404, "NoSuchBucket");
    }
}
