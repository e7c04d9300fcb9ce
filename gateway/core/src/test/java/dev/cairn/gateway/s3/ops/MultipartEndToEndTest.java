package dev.cairn.gateway.s3.ops;

import static dev.cairn.gateway.s3.ops.ObjectTestSupport.assertError;
import static dev.cairn.gateway.s3.ops.ObjectTestSupport.crc32Base64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.digest.Blake3;
import dev.cairn.blob.digest.Hex;
import dev.cairn.gateway.s3.S3TestClient;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Whole multipart uploads through the SDK-signed client over the memory store (minimum part size 8 bytes). */
class MultipartEndToEndTest {
    private static final int MIN = 8;
    private final S3TestClient s3 = S3TestClient.customized(s -> s.withPartSizes(MIN, 1 << 20));

    @BeforeEach
    void bucket() {
        assertEquals(200, s3.request("PUT", "/bkt").send().status());
    }

    private String create(String path) {
        S3TestClient.Response r = s3.request("POST", path).query("uploads", null).header("Content-Type", "text/plain")
                .header("x-amz-meta-who", "ada").send();
        assertEquals(200, r.status(), r.text());
        return element(r.text(), "UploadId");
    }

    private String part(String path, String uploadId, int n, byte[] body, S3TestClient.Payload payload) {
        S3TestClient.Response r = s3.request("PUT", path).query("partNumber", Integer.toString(n)).query("uploadId", uploadId)
                .payload(payload).body(body).send();
        assertEquals(200, r.status(), r.text());
        return r.header("ETag");
    }

    private static String completion(List<String> etags) {
        StringBuilder xml = new StringBuilder("<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">");
        for (int i = 0; i < etags.size(); i++) {
            xml.append("<Part><PartNumber>").append(i + 1).append("</PartNumber><ETag>").append(etags.get(i)).append("</ETag></Part>");
        }
        return xml.append("</CompleteMultipartUpload>").toString();
    }

    private static byte[] b3(byte[] data) {
        var h = Blake3.newHasher();
        h.update(data, 0, data.length);
        return h.finish();
    }

    private static String element(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(xml);
        assertTrue(m.find(), xml);
        return m.group(1);
    }

    @Test
    void uploadCompleteReadBackAndReadParts() throws Exception {
        byte[] p1 = "first-part-bytes".getBytes();
        byte[] p2 = "second-part!".getBytes();
        byte[] p3 = "end".getBytes();
        String id = create("/bkt/obj");
        List<String> etags = List.of(part("/bkt/obj", id, 1, p1, S3TestClient.Payload.SIGNED),
                part("/bkt/obj", id, 2, p2, S3TestClient.Payload.STREAMING),
                part("/bkt/obj", id, 3, p3, S3TestClient.Payload.UNSIGNED));

        S3TestClient.Response listed = s3.request("GET", "/bkt/obj").query("uploadId", id).query("max-parts", "2").send();
        assertEquals(200, listed.status(), listed.text());
        assertTrue(listed.text().contains("<IsTruncated>true</IsTruncated>"), listed.text());
        assertEquals("2", element(listed.text(), "NextPartNumberMarker"));
        S3TestClient.Response rest = s3.request("GET", "/bkt/obj").query("uploadId", id).query("part-number-marker", "2").send();
        assertTrue(rest.text().contains("<PartNumber>3</PartNumber>") && !rest.text().contains("<PartNumber>2</PartNumber>"), rest.text());
        S3TestClient.Response uploads = s3.request("GET", "/bkt").query("uploads", null).send();
        assertEquals(id, element(uploads.text(), "UploadId"));

        S3TestClient.Response done = s3.request("POST", "/bkt/obj").query("uploadId", id).body(completion(etags)).send();
        assertEquals(200, done.status(), done.text());
        ByteArrayOutputStream md5s = new ByteArrayOutputStream();
        ByteArrayOutputStream b3s = new ByteArrayOutputStream();
        for (byte[] p : List.of(p1, p2, p3)) {
            md5s.write(MessageDigest.getInstance("MD5").digest(p));
            b3s.write(b3(p));
        }
        String etag = "\"" + Hex.encode(MessageDigest.getInstance("MD5").digest(md5s.toByteArray())) + "-3\"";
        assertEquals(etag, element(done.text(), "ETag").replace("&quot;", "\""));
        assertEquals(Hex.encode(b3(b3s.toByteArray())) + "-3", done.header("x-cairn-b3"));

        S3TestClient.Response got = s3.request("GET", "/bkt/obj").send();
        assertEquals(200, got.status());
        assertEquals("first-part-bytessecond-part!end", got.text());
        assertEquals(etag, got.header("ETag"));
        assertEquals("text/plain", got.header("Content-Type"));
        assertEquals("ada", got.header("x-amz-meta-who"));
        S3TestClient.Response second = s3.request("GET", "/bkt/obj").query("partNumber", "2").send();
        assertEquals(206, second.status());
        assertEquals("second-part!", second.text());
        assertEquals("bytes 16-27/31", second.header("Content-Range"));
        assertEquals("3", second.header("x-amz-mp-parts-count"));
        assertError(s3.request("HEAD", "/bkt/obj").query("partNumber", "4").send(), 416, "InvalidPartNumber");

        // the upload is gone once completed
        assertError(s3.request("DELETE", "/bkt/obj").query("uploadId", id).send(), 404, "NoSuchUpload");
        assertError(s3.request("GET", "/bkt/obj").query("uploadId", id).send(), 404, "NoSuchUpload");
        assertTrue(!s3.request("GET", "/bkt").query("uploads", null).send().text().contains("<Upload>"));
    }

    @Test
    void completionRefusals() {
        String id = create("/bkt/k");
        String e1 = part("/bkt/k", id, 1, "short".getBytes(), S3TestClient.Payload.SIGNED);
        String e2 = part("/bkt/k", id, 2, "last".getBytes(), S3TestClient.Payload.SIGNED);
        assertError(s3.request("POST", "/bkt/k").query("uploadId", id).body(completion(List.of(e1, e2))).send(), 400, "EntityTooSmall");
        assertError(s3.request("POST", "/bkt/k").query("uploadId", id).body(completion(List.of(e1, "\"0000\""))).send(), 400, "InvalidPart");
        String reversed = "<CompleteMultipartUpload><Part><PartNumber>2</PartNumber><ETag>" + e2 + "</ETag></Part>"
                + "<Part><PartNumber>1</PartNumber><ETag>" + e1 + "</ETag></Part></CompleteMultipartUpload>";
        assertError(s3.request("POST", "/bkt/k").query("uploadId", id).body(reversed).send(), 400, "InvalidPartOrder");
        assertError(s3.request("POST", "/bkt/k").query("uploadId", "nope").body(completion(List.of(e1))).send(), 404, "NoSuchUpload");
        // a single short part is fine: only parts before the last have a minimum
        S3TestClient.Response ok = s3.request("POST", "/bkt/k").query("uploadId", id).body(completion(List.of(e1))).send();
        assertEquals(200, ok.status(), ok.text());
        assertEquals("short", s3.request("GET", "/bkt/k").send().text());
    }

    @Test
    void conditionalCompletion() {
        s3.request("PUT", "/bkt/k").body("old").send();
        String id = create("/bkt/k");
        String e1 = part("/bkt/k", id, 1, "new bytes".getBytes(), S3TestClient.Payload.SIGNED);
        assertError(s3.request("POST", "/bkt/k").query("uploadId", id).header("If-None-Match", "*").body(completion(List.of(e1))).send(),
                412, "PreconditionFailed");
        assertError(s3.request("POST", "/bkt/k").query("uploadId", id).header("If-Match", "\"0123\"").body(completion(List.of(e1))).send(),
                412, "PreconditionFailed");
        String current = s3.request("HEAD", "/bkt/k").send().header("ETag");
        S3TestClient.Response r = s3.request("POST", "/bkt/k").query("uploadId", id).header("If-Match", current)
                .body(completion(List.of(e1))).send();
        assertEquals(200, r.status(), r.text());
        assertEquals("new bytes", s3.request("GET", "/bkt/k").send().text());
    }

    @Test
    void abortThenNothingRemains() {
        String id = create("/bkt/k");
        part("/bkt/k", id, 1, "bytes".getBytes(), S3TestClient.Payload.SIGNED);
        assertEquals(204, s3.request("DELETE", "/bkt/k").query("uploadId", id).send().status());
        assertError(s3.request("PUT", "/bkt/k").query("partNumber", "2").query("uploadId", id).body("x").send(), 404, "NoSuchUpload");
        assertError(s3.request("GET", "/bkt/k").send(), 404, "NoSuchKey");
    }

    @Test
    void uploadPartCopyAndChecksums() {
        s3.request("PUT", "/bkt/src").body("0123456789abcdefghij").send();
        S3TestClient.Response created = s3.request("POST", "/bkt/dst").query("uploads", null).header("x-amz-checksum-algorithm", "CRC32").send();
        String id = element(created.text(), "UploadId");
        S3TestClient.Response copied = s3.request("PUT", "/bkt/dst").query("partNumber", "1").query("uploadId", id)
                .header("x-amz-copy-source", "/bkt/src").header("x-amz-copy-source-range", "bytes=0-9").send();
        assertEquals(200, copied.status(), copied.text());
        String e1 = element(copied.text(), "ETag").replace("&quot;", "\"");
        byte[] tail = "tail".getBytes();
        S3TestClient.Response p2 = s3.request("PUT", "/bkt/dst").query("partNumber", "2").query("uploadId", id)
                .header("x-amz-checksum-crc32", crc32Base64(tail)).body(tail).send();
        assertEquals(crc32Base64(tail), p2.header("x-amz-checksum-crc32"));
        // S3 requires a COMPOSITE upload's completion to name every part's checksum
        assertError(s3.request("POST", "/bkt/dst").query("uploadId", id).body(completion(List.of(e1, p2.header("ETag")))).send(),
                400, "InvalidRequest");
        String body = completion(List.of(e1, p2.header("ETag")))
                .replaceFirst("</Part>", "<ChecksumCRC32>" + crc32Base64("0123456789".getBytes()) + "</ChecksumCRC32></Part>")
                .replace("</Part></Complete", "<ChecksumCRC32>" + crc32Base64(tail) + "</ChecksumCRC32></Part></Complete");
        assertEquals(crc32Base64("0123456789".getBytes()), element(copied.text(), "ChecksumCRC32"));
        S3TestClient.Response done = s3.request("POST", "/bkt/dst").query("uploadId", id).body(body).send();
        assertEquals(200, done.status(), done.text());
        assertTrue(element(done.text(), "ChecksumCRC32").endsWith("-2"), done.text());
        assertEquals("COMPOSITE", element(done.text(), "ChecksumType"));
        S3TestClient.Response got = s3.request("GET", "/bkt/dst").header("x-amz-checksum-mode", "ENABLED").send();
        assertEquals("0123456789tail", got.text());
        assertNotNull(got.header("x-amz-checksum-crc32"));
        assertEquals("COMPOSITE", got.header("x-amz-checksum-type"));
    }

    @Test
    void listUploadsPagesAndRollsUp() {
        List<String> ids = new ArrayList<>();
        for (String k : List.of("a/1", "a/2", "b", "c")) {
            ids.add(create("/bkt/" + k));
        }
        S3TestClient.Response page = s3.request("GET", "/bkt").query("uploads", null).query("delimiter", "/").query("max-uploads", "2").send();
        assertEquals(200, page.status(), page.text());
        assertTrue(page.text().contains("<CommonPrefixes><Prefix>a/</Prefix></CommonPrefixes>"), page.text());
        assertTrue(page.text().contains("<IsTruncated>true</IsTruncated>"), page.text());
        String next = element(page.text(), "NextKeyMarker");
        S3TestClient.Response more = s3.request("GET", "/bkt").query("uploads", null).query("delimiter", "/").query("key-marker", next)
                .query("upload-id-marker", element(page.text(), "NextUploadIdMarker")).send();
        assertTrue(more.text().contains("<Key>c</Key>") && !more.text().contains("<Key>b</Key>"), more.text());
        assertError(s3.request("GET", "/missing").query("uploads", null).send(), 404, "NoSuchBucket");
    }
}
