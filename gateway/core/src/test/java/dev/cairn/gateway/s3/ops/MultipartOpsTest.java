package dev.cairn.gateway.s3.ops;

import static dev.cairn.gateway.s3.ops.ObjectTestSupport.assertError;
import static dev.cairn.gateway.s3.ops.ObjectTestSupport.crc32Base64;
import static dev.cairn.gateway.s3.ops.ObjectTestSupport.md5Base64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.SupportsMultipart.CompletedPart;
import dev.cairn.blob.SupportsMultipart.MultipartUpload;
import dev.cairn.blob.SupportsMultipart.PartInfo;
import dev.cairn.blob.SupportsMultipart.PartListing;
import dev.cairn.blob.SupportsMultipart.UploadListing;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.WritePrecondition;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.gateway.s3.S3TestClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the multipart handlers turn requests into SPI calls and answers into S3 XML (scripted store). */
class MultipartOpsTest {
    private final ScriptedMultipartStore store = new ScriptedMultipartStore();
    private final S3TestClient s3 = new S3TestClient(store, s -> s.withPartSizes(7, 64));

    @BeforeEach
    void bucket() {
        assertEquals(200, s3.request("PUT", "/mpb").send().status());
    }

    @Test
    void createStoresHeadersMetadataAndChecksumAlgorithm() {
        S3TestClient.Response r = s3.request("POST", "/mpb/dir/a%20b").query("uploads", null).header("Content-Type", "text/plain")
                .header("Cache-Control", "no-cache").header("x-amz-meta-owner", "ada").header("x-amz-checksum-algorithm", "crc32c")
                .send();
        assertEquals(200, r.status(), r.text());
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<InitiateMultipartUploadResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + "<Bucket>mpb</Bucket><Key>dir/a b</Key><UploadId>up-1</UploadId></InitiateMultipartUploadResult>", r.text());
        assertEquals("CRC32C", r.header("x-amz-checksum-algorithm"));
        WriteOptions o = store.createdWith;
        assertEquals("text/plain", o.contentType());
        assertEquals(Map.of("cache-control", "no-cache"), o.contentHeaders());
        assertEquals(Map.of("owner", "ada"), o.userMetadata());
        assertEquals(Set.of(ChecksumAlgorithm.CRC32C), o.extraChecksums());
        assertEquals(WritePrecondition.NONE, o.precondition());
        assertError(s3.request("POST", "/mpb/k").query("uploads", null).header("x-amz-checksum-algorithm", "md4").send(), 400,
                "InvalidRequest");
        assertError(s3.request("POST", "/mpb/k").query("uploads", null).header("x-amz-meta-x", "y".repeat(3000)).send(), 400,
                "MetadataTooLarge");
    }

    private S3TestClient.Request part(String n, byte[] body) {
        return s3.request("PUT", "/mpb/k").query("partNumber", n).query("uploadId", "up-1").body(body);
    }

    @Test
    void uploadPartPassesTheVerifiedBodyAndAnswersEtagAndChecksum() {
        byte[] data = "hello part".getBytes(StandardCharsets.UTF_8);
        S3TestClient.Response r = part("3", data).header("x-amz-checksum-crc32", crc32Base64(data)).header("Content-MD5", md5Base64(data))
                .send();
        assertEquals(200, r.status(), r.text());
        assertEquals("\"etag-3\"", r.header("ETag"));
        assertEquals("CRC32-value", r.header("x-amz-checksum-crc32"));
        assertArrayEquals(data, store.lastPartBytes);
        assertEquals("part k up-1 3 10", store.calls.get(store.calls.size() - 1));
        // aws-chunked with signed chunks decodes before the store sees it
        S3TestClient.Response streamed = part("4", data).payload(S3TestClient.Payload.STREAMING).send();
        assertEquals(200, streamed.status(), streamed.text());
        assertArrayEquals(data, store.lastPartBytes);
    }

    @Test
    void uploadPartRefusesBadInput() {
        byte[] data = "0123456789".getBytes(StandardCharsets.UTF_8);
        assertError(part("0", data).send(), 400, "InvalidArgument");
        assertError(part("10001", data).send(), 400, "InvalidArgument");
        assertError(part("x", data).send(), 400, "InvalidArgument");
        assertError(part("1", data).header("x-amz-checksum-crc32", crc32Base64("other".getBytes(StandardCharsets.UTF_8))).send(), 400,
                "BadDigest");
        // Content-MD5 is the store's to verify, like PutObject's
        assertEquals(200, part("1", data).header("Content-MD5", md5Base64(data)).send().status());
        assertEquals(Map.of(ChecksumAlgorithm.MD5, ObjectTestSupport.md5Hex(data)), store.lastPartOptions.expectedChecksums());
        assertError(part("1", data).tamper(b -> "9876543210".getBytes(StandardCharsets.UTF_8)).send(), 400, "XAmzContentSHA256Mismatch");
        assertError(part("1", new byte[65]).send(), 400, "EntityTooLarge");
        assertError(s3.request("PUT", "/mpb/k").query("partNumber", "1").query("uploadId", "").body(data).send(), 404, "NoSuchUpload");
        store.failure = new BlobStoreException(BlobError.NO_SUCH_UPLOAD, "s", new BlobKey("mpb", "k"), "gone");
        assertError(part("1", data).send(), 404, "NoSuchUpload");
    }

    @Test
    void uploadPartCopyReadsTheSourceRange() {
        s3.request("PUT", "/mpb/src").body("0123456789abcdef").send();
        S3TestClient.Response r = part("2", null).header("x-amz-copy-source", "/mpb/src").header("x-amz-copy-source-range", "bytes=3-9").send();
        assertEquals(200, r.status(), r.text());
        assertEquals("3456789", new String(store.lastPartBytes, StandardCharsets.UTF_8));
        assertTrue(r.text().contains("<CopyPartResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + "<LastModified>2026-01-02T03:04:05.678Z</LastModified><ETag>&quot;etag-2&quot;</ETag></CopyPartResult>"), r.text());
        S3TestClient.Response whole = part("3", null).header("x-amz-copy-source", "mpb/src").send();
        assertEquals(200, whole.status(), whole.text());
        assertEquals("0123456789abcdef", new String(store.lastPartBytes, StandardCharsets.UTF_8));
        assertError(part("2", null).header("x-amz-copy-source", "/mpb/src").header("x-amz-copy-source-range", "bytes=3-16").send(), 416,
                "InvalidRange");
        assertError(part("2", null).header("x-amz-copy-source", "/mpb/src").header("x-amz-copy-source-range", "bytes=20-30").send(), 416,
                "InvalidRange");
        assertError(part("2", null).header("x-amz-copy-source", "/mpb/src").header("x-amz-copy-source-range", "3-9").send(), 400,
                "InvalidArgument");
        assertError(part("2", null).header("x-amz-copy-source", "/mpb/missing").send(), 404, "NoSuchKey");
        assertError(part("2", null).header("x-amz-copy-source", "/mpb/src").header("x-amz-copy-source-if-match", "\"nope\"").send(), 412,
                "PreconditionFailed");
        s3.request("PUT", "/mpb/big").body(new byte[65]).send();
        assertError(part("2", null).header("x-amz-copy-source", "/mpb/big").send(), 400, "EntityTooLarge");
    }

    private static final String TWO_PARTS = "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>\"etag-1\"</ETag></Part>"
            + "<Part><PartNumber>2</PartNumber><ETag>etag-2</ETag></Part></CompleteMultipartUpload>";

    @Test
    void completePassesPartsPreconditionAndMinimumPartSize() {
        S3TestClient.Response r = s3.request("POST", "/mpb/dir/k+1").query("uploadId", "up-1").body(TWO_PARTS).send();
        assertEquals(200, r.status(), r.text());
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CompleteMultipartUploadResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + "<Location>/mpb/dir/k%2B1</Location><Bucket>mpb</Bucket><Key>dir/k+1</Key><ETag>&quot;abc-2&quot;</ETag>"
                + "</CompleteMultipartUploadResult>", r.text());
        assertEquals("comp-2", r.header("x-cairn-b3"));
        assertEquals(List.of(new CompletedPart(1, "etag-1"), new CompletedPart(2, "etag-2")), store.completedParts);
        assertEquals(WritePrecondition.NONE, store.completedPrecondition);
        assertEquals(7, store.completedMinPartSize);

        assertEquals(200, s3.request("POST", "/mpb/k").query("uploadId", "up-1").header("If-None-Match", "*").body(TWO_PARTS).send().status());
        assertEquals(new WritePrecondition.IfAbsent(), store.completedPrecondition);
        assertEquals(200, s3.request("POST", "/mpb/k").query("uploadId", "up-1").header("If-Match", "\"e1\"").body(TWO_PARTS).send().status());
        assertEquals(new WritePrecondition.IfMatch("e1"), store.completedPrecondition);
        assertError(s3.request("POST", "/mpb/k").query("uploadId", "up-1").header("If-None-Match", "\"x\"").body(TWO_PARTS).send(), 501,
                "NotImplemented");
    }

    @Test
    void completeErrors() {
        assertError(s3.request("POST", "/mpb/k").query("uploadId", "up-1").body("<CompleteMultipartUpload/>").send(), 400, "MalformedXML");
        assertError(s3.request("POST", "/mpb/k").query("uploadId", "up-1").body("not xml").send(), 400, "MalformedXML");
        for (BlobError e : List.of(BlobError.INVALID_PART, BlobError.INVALID_PART_ORDER, BlobError.ENTITY_TOO_SMALL, BlobError.NO_SUCH_UPLOAD,
                BlobError.PRECONDITION_FAILED)) {
            store.failure = new BlobStoreException(e, "s", new BlobKey("mpb", "k"), "x");
            S3TestClient.Response r = s3.request("POST", "/mpb/k").query("uploadId", "up-1").body(TWO_PARTS).send();
            String code = switch (e) {
                case INVALID_PART -> "InvalidPart";
                case INVALID_PART_ORDER -> "InvalidPartOrder";
                case ENTITY_TOO_SMALL -> "EntityTooSmall";
                case NO_SUCH_UPLOAD -> "NoSuchUpload";
                default -> "PreconditionFailed";
            };
            assertError(r, e == BlobError.NO_SUCH_UPLOAD ? 404 : e == BlobError.PRECONDITION_FAILED ? 412 : 400, code);
        }
    }

    @Test
    void abortAnswers204AndNoSuchUploadFromTheStore() {
        S3TestClient.Response r = s3.request("DELETE", "/mpb/k").query("uploadId", "up-1").send();
        assertEquals(204, r.status(), r.text());
        assertEquals("abort k up-1", store.calls.get(store.calls.size() - 1));
        store.failure = new BlobStoreException(BlobError.NO_SUCH_UPLOAD, "s", new BlobKey("mpb", "k"), "done");
        assertError(s3.request("DELETE", "/mpb/k").query("uploadId", "up-1").send(), 404, "NoSuchUpload");
    }

    @Test
    void listPartsXml() {
        WriteOptions created = new WriteOptions(WritePrecondition.NONE, null, null, null, null, Set.of(ChecksumAlgorithm.SHA256));
        MultipartUpload upload = new MultipartUpload(new BlobKey("mpb", "k"), "up-1", ScriptedMultipartStore.T, created);
        store.partListing = new PartListing(upload, List.of(new PartInfo(2, 7, "e2", ScriptedMultipartStore.T,
                Map.of(ChecksumAlgorithm.SHA256, "c2==", ChecksumAlgorithm.B3, "b3"))), true, 2);
        S3TestClient.Response r = s3.request("GET", "/mpb/k").query("uploadId", "up-1").query("max-parts", "1")
                .query("part-number-marker", "1").send();
        assertEquals(200, r.status(), r.text());
        assertEquals("listParts k up-1 1 1", store.calls.get(store.calls.size() - 1));
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ListPartsResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + "<Bucket>mpb</Bucket><Key>k</Key><UploadId>up-1</UploadId><PartNumberMarker>1</PartNumberMarker>"
                + "<NextPartNumberMarker>2</NextPartNumberMarker><MaxParts>1</MaxParts><IsTruncated>true</IsTruncated>"
                + "<Part><PartNumber>2</PartNumber><LastModified>2026-01-02T03:04:05.678Z</LastModified><ETag>&quot;e2&quot;</ETag>"
                + "<Size>7</Size><ChecksumSHA256>c2==</ChecksumSHA256></Part>"
                + "<Initiator><ID>" + S3TestClient.ACCESS_KEY + "</ID><DisplayName>" + S3TestClient.ACCESS_KEY + "</DisplayName></Initiator>"
                + "<Owner><ID>" + S3TestClient.ACCESS_KEY + "</ID><DisplayName>" + S3TestClient.ACCESS_KEY + "</DisplayName></Owner>"
                + "<StorageClass>STANDARD</StorageClass><ChecksumAlgorithm>SHA256</ChecksumAlgorithm><ChecksumType>COMPOSITE</ChecksumType></ListPartsResult>", r.text());
        assertError(s3.request("GET", "/mpb/k").query("uploadId", "up-1").query("max-parts", "-1").send(), 400, "InvalidArgument");
        assertError(s3.request("GET", "/mpb/k").query("uploadId", "up-1").query("part-number-marker", "x").send(), 400, "InvalidArgument");
    }

    @Test
    void listUploadsXmlWithUrlEncoding() {
        MultipartUpload u = new MultipartUpload(new BlobKey("mpb", "a b/c"), "up-9", ScriptedMultipartStore.T, WriteOptions.DEFAULTS);
        store.uploadListing = new UploadListing(List.of(u), List.of("p q/"), true, "a b/c", "up-9");
        S3TestClient.Response r = s3.request("GET", "/mpb").query("uploads", null).query("prefix", "a ").query("delimiter", "/")
                .query("key-marker", "a").query("upload-id-marker", "up-0").query("max-uploads", "5000").query("encoding-type", "url").send();
        assertEquals(200, r.status(), r.text());
        assertEquals("a ", store.uploadListRequest.prefix());
        assertEquals("/", store.uploadListRequest.delimiter());
        assertEquals("a", store.uploadListRequest.keyMarker());
        assertEquals("up-0", store.uploadListRequest.uploadIdMarker());
        assertEquals(1000, store.uploadListRequest.maxUploads());
        String owner = "<ID>" + S3TestClient.ACCESS_KEY + "</ID><DisplayName>" + S3TestClient.ACCESS_KEY + "</DisplayName>";
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ListMultipartUploadsResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + "<Bucket>mpb</Bucket><KeyMarker>a</KeyMarker><UploadIdMarker>up-0</UploadIdMarker><NextKeyMarker>a%20b/c</NextKeyMarker>"
                + "<NextUploadIdMarker>up-9</NextUploadIdMarker><Delimiter>/</Delimiter><Prefix>a%20</Prefix><MaxUploads>1000</MaxUploads>"
                + "<IsTruncated>true</IsTruncated><Upload><Key>a%20b/c</Key><UploadId>up-9</UploadId><Initiator>" + owner + "</Initiator>"
                + "<Owner>" + owner + "</Owner><StorageClass>STANDARD</StorageClass><Initiated>2026-01-02T03:04:05.678Z</Initiated></Upload>"
                + "<CommonPrefixes><Prefix>p%20q/</Prefix></CommonPrefixes><EncodingType>url</EncodingType></ListMultipartUploadsResult>",
                r.text());
    }

    @Test
    void listUploadsEdgeCases() {
        store.uploadListing = new UploadListing(List.of(), List.of(), false, null, null);
        // upload-id-marker means nothing without key-marker, as in S3
        assertEquals(200, s3.request("GET", "/mpb").query("uploads", null).query("upload-id-marker", "x").send().status());
        assertNull(store.uploadListRequest.uploadIdMarker());
        int before = store.calls.size();
        S3TestClient.Response zero = s3.request("GET", "/mpb").query("uploads", null).query("max-uploads", "0").send();
        assertEquals(200, zero.status(), zero.text());
        assertTrue(zero.text().contains("<MaxUploads>0</MaxUploads><IsTruncated>false</IsTruncated>"), zero.text());
        assertEquals(before, store.calls.size());
        assertError(s3.request("GET", "/nope").query("uploads", null).query("max-uploads", "0").send(), 404, "NoSuchBucket");
        assertError(s3.request("GET", "/mpb").query("uploads", null).query("max-uploads", "x").send(), 400, "InvalidArgument");
        assertError(s3.request("GET", "/mpb").query("uploads", null).query("encoding-type", "xml").send(), 400, "InvalidArgument");
        assertError(s3.request("GET", "/mpb").query("uploads", null).query("prefix", "a\u0001").send(), 400, "InvalidArgument");
    }

    @Test
    void getAndHeadServeOnePartOfAMultipartObject() {
        s3.request("PUT", "/mpb/mp").body("AAAAABBBBBCC").send();
        store.layout(new BlobKey("mpb", "mp"), List.of(5L, 5L, 2L));
        S3TestClient.Response p2 = s3.request("GET", "/mpb/mp").query("partNumber", "2").send();
        assertEquals(206, p2.status(), p2.text());
        assertEquals("BBBBB", p2.text());
        assertEquals("bytes 5-9/12", p2.header("Content-Range"));
        assertEquals("5", p2.header("Content-Length"));
        assertEquals("3", p2.header("x-amz-mp-parts-count"));
        S3TestClient.Response h3 = s3.request("HEAD", "/mpb/mp").query("partNumber", "3").send();
        assertEquals(206, h3.status());
        assertEquals("bytes 10-11/12", h3.header("Content-Range"));
        assertEquals("2", h3.header("Content-Length"));
        assertEquals("3", h3.header("x-amz-mp-parts-count"));
        assertError(s3.request("GET", "/mpb/mp").query("partNumber", "4").send(), 416, "InvalidPartNumber");
        assertNull(s3.request("GET", "/mpb/mp").send().header("x-amz-mp-parts-count"));
        assertError(s3.request("GET", "/mpb/mp").query("partNumber", "1").header("If-Match", "\"other\"").send(), 412, "PreconditionFailed");
    }

    @Test
    void anEmptyLastPartIsServedEmpty() {
        s3.request("PUT", "/mpb/mp").body("AAAAA").send();
        store.layout(new BlobKey("mpb", "mp"), List.of(5L, 0L));
        S3TestClient.Response r = s3.request("GET", "/mpb/mp").query("partNumber", "2").send();
        assertEquals(200, r.status(), r.text());
        assertEquals(0, r.body().length);
        assertEquals("0", r.header("Content-Length"));
        assertNull(r.header("Content-Range"));
        assertEquals("2", r.header("x-amz-mp-parts-count"));
    }
}
