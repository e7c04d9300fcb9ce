package dev.cairn.blob.local;

import static dev.cairn.blob.local.LocalTestSupport.assertBlobError;
import static dev.cairn.blob.local.LocalTestSupport.filesUnder;
import static dev.cairn.blob.local.LocalTestSupport.open;
import static dev.cairn.blob.local.LocalTestSupport.put;
import static dev.cairn.blob.local.LocalTestSupport.readAll;
import static dev.cairn.blob.local.LocalTestSupport.utf8;
import static dev.cairn.blob.local.MultipartTestSupport.composite;
import static dev.cairn.blob.local.MultipartTestSupport.concat;
import static dev.cairn.blob.local.MultipartTestSupport.data;
import static dev.cairn.blob.local.MultipartTestSupport.expectedB3;
import static dev.cairn.blob.local.MultipartTestSupport.expectedEtag;
import static dev.cairn.blob.local.MultipartTestSupport.uploadAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.ByteRange;
import dev.cairn.blob.ListRequest;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectReader;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.ReadOptions;
import dev.cairn.blob.SupportsMultipart.CompletedPart;
import dev.cairn.blob.SupportsMultipart.MultipartUpload;
import dev.cairn.blob.SupportsMultipart.PartInfo;
import dev.cairn.blob.SupportsMultipart.PartListing;
import dev.cairn.blob.UploadIds;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.WritePrecondition;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local backend's multipart uploads: completion, validation, preconditions, abort, part listing. */
class LocalMultipartTest {
    private static final int MIN = 1024;

    @TempDir
    Path root;
    private LocalBlobStore store;
    private final BlobKey key = new BlobKey("b", "dir/big object");

    @BeforeEach
    void setUp() {
        store = open(root);
        store.createBucket("b");
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private List<byte[]> threeParts() {
        return List.of(data(MIN + 11, 1), data(MIN * 2, 2), data(77, 3));
    }

    @Test
    void completedObjectHasCompositeDigestsPartSizesAndTheConcatenatedBytes() {
        WriteOptions options = new WriteOptions(WritePrecondition.NONE, "video/mp4", Map.of("cache-control", "no-cache"),
                Map.of("colour", "grün"), null, Set.of(ChecksumAlgorithm.CRC32, ChecksumAlgorithm.SHA256, ChecksumAlgorithm.CRC64NVME));
        MultipartUpload upload = store.createMultipartUpload(key, options);
        assertEquals(key, upload.key());
        assertTrue(UploadIds.isValid(upload.uploadId()));
        List<byte[]> parts = threeParts();
        List<CompletedPart> done = uploadAll(store, key, upload.uploadId(), parts);

        ObjectInfo info = store.completeMultipartUpload(key, upload.uploadId(), done, WritePrecondition.NONE, MIN);
        assertEquals(expectedEtag(parts), info.etag());
        assertEquals(expectedB3(parts), info.blake3());
        assertEquals(List.of((long) MIN + 11, (long) MIN * 2, 77L), info.partSizes());
        assertEquals(concat(parts).length, info.size());
        assertEquals("video/mp4", info.contentType());
        assertEquals(Map.of("cache-control", "no-cache"), info.contentHeaders());
        assertEquals(Map.of("colour", "grün"), info.userMetadata());
        assertEquals(composite(ChecksumAlgorithm.CRC32, parts) + "-3", info.checksums().get(ChecksumAlgorithm.CRC32));
        assertEquals(composite(ChecksumAlgorithm.SHA256, parts) + "-3", info.checksums().get(ChecksumAlgorithm.SHA256));
        assertEquals(composite(ChecksumAlgorithm.CRC64NVME, parts) + "-3", info.checksums().get(ChecksumAlgorithm.CRC64NVME));
        assertFalse(info.checksums().containsKey(ChecksumAlgorithm.MD5), "the MD5 of the whole object is unknown");

        assertEquals(info, store.stat(key));
        assertArrayEquals(concat(parts), readAll(store, key));
        assertEquals(List.of(info), store.list(ListRequest.all("b")).objects());
        assertBlobError(BlobError.NO_SUCH_UPLOAD, () -> store.listParts(key, upload.uploadId(), 0, 100));
        assertBlobError(BlobError.NO_SUCH_UPLOAD, () -> store.abortMultipartUpload(key, upload.uploadId()));
        assertBlobError(BlobError.NO_SUCH_UPLOAD, () -> store.completeMultipartUpload(key, upload.uploadId(), done, WritePrecondition.NONE, MIN));
        assertBlobError(BlobError.NO_SUCH_UPLOAD,
                () -> store.uploadPart(key, upload.uploadId(), 4, ObjectSource.of(utf8("late")), WriteOptions.DEFAULTS));
        assertEquals(List.of(), filesUnder(root.resolve("uploads")), "the upload's files are gone");
    }

    @Test
    void rangesAcrossPartBoundariesReadTheRightBytes() throws IOException {
        List<byte[]> parts = threeParts();
        byte[] all = concat(parts);
        String id = store.createMultipartUpload(key, WriteOptions.DEFAULTS).uploadId();
        store.completeMultipartUpload(key, id, uploadAll(store, key, id, parts), WritePrecondition.NONE, MIN);
        int b1 = parts.get(0).length;
        int b2 = b1 + parts.get(1).length;
        long[][] ranges = {{0, 0}, {b1 - 1, b1}, {b1 - 5, b2 + 5}, {b1, b2 - 1}, {b2 - 1, all.length + 100}, {3, all.length - 2}, {b2, b2}};
        for (long[] r : ranges) {
            try (ObjectReader reader = store.read(key, ReadOptions.range(new ByteRange.Closed(r[0], r[1])));
                    InputStream in = reader.stream()) {
                int last = (int) Math.min(r[1], all.length - 1);
                assertArrayEquals(Arrays.copyOfRange(all, (int) r[0], last + 1), in.readAllBytes(), "range " + r[0] + "-" + r[1]);
                assertEquals(r[0], reader.range().offset());
            }
        }
        try (ObjectReader reader = store.read(key, ReadOptions.range(new ByteRange.Suffix(100))); InputStream in = reader.stream()) {
            assertArrayEquals(Arrays.copyOfRange(all, all.length - 100, all.length), in.readAllBytes());
        }
        try (ObjectReader reader = store.read(key, ReadOptions.WHOLE); InputStream in = reader.stream()) {
            byte[] got = new byte[all.length];
            int at = 0;
            while (at < 5) { // single-byte reads, then a skip to the first boundary
                got[at++] = (byte) in.read();
            }
            assertEquals(b1 - 5, in.skip(b1 - 5));
            at = b1;
            for (int n; (n = in.read(got, at, Math.min(333, all.length - at))) > 0; ) {
                at += n;
            }
            assertArrayEquals(Arrays.copyOfRange(all, b1, all.length), Arrays.copyOfRange(got, b1, all.length));
            assertArrayEquals(Arrays.copyOfRange(all, 0, 5), Arrays.copyOfRange(got, 0, 5));
        }
        assertBlobError(BlobError.INVALID_RANGE, () -> store.read(key, ReadOptions.range(new ByteRange.From(all.length))));
    }

    @Test
    void validationFailuresLeaveTheUploadCompletable() {
        List<byte[]> parts = threeParts();
        String id = store.createMultipartUpload(key, WriteOptions.DEFAULTS).uploadId();
        List<CompletedPart> done = uploadAll(store, key, id, parts);
        CompletedPart p1 = done.get(0);
        CompletedPart p2 = done.get(1);
        CompletedPart p3 = done.get(2);

        assertBlobError(BlobError.INVALID_PART_ORDER, () -> store.completeMultipartUpload(key, id, List.of(p2, p1, p3), WritePrecondition.NONE, MIN));
        assertBlobError(BlobError.INVALID_PART_ORDER, () -> store.completeMultipartUpload(key, id, List.of(p1, p1, p3), WritePrecondition.NONE, MIN));
        assertBlobError(BlobError.INVALID_PART,
                () -> store.completeMultipartUpload(key, id, List.of(p1, new CompletedPart(9, p2.etag())), WritePrecondition.NONE, MIN));
        assertBlobError(BlobError.INVALID_PART,
                () -> store.completeMultipartUpload(key, id, List.of(p1, new CompletedPart(2, p1.etag()), p3), WritePrecondition.NONE, MIN));
        assertBlobError(BlobError.INVALID_ARGUMENT, () -> store.completeMultipartUpload(key, id, List.of(), WritePrecondition.NONE, MIN));
        // every part but the last must reach the minimum: part 1 has MIN + 11 bytes
        assertBlobError(BlobError.ENTITY_TOO_SMALL, () -> store.completeMultipartUpload(key, id, List.of(p1, p2, p3), WritePrecondition.NONE, MIN + 12));
        assertBlobError(BlobError.NO_SUCH_KEY, () -> store.stat(key));
        assertEquals(List.of(), filesUnder(root.resolve("segments")), "a failed completion leaves no segment links");

        ObjectInfo info = store.completeMultipartUpload(key, id, List.of(p1, p2, p3), WritePrecondition.NONE, MIN);
        assertArrayEquals(concat(parts), readAll(store, key));
        assertEquals(expectedEtag(parts), info.etag());
    }

    @Test
    void aSmallMiddlePartIsEntityTooSmall() {
        String id = store.createMultipartUpload(key, WriteOptions.DEFAULTS).uploadId();
        List<CompletedPart> done = uploadAll(store, key, id, List.of(data(MIN, 1), data(MIN - 1, 2), data(MIN, 3)));
        assertBlobError(BlobError.ENTITY_TOO_SMALL, () -> store.completeMultipartUpload(key, id, done, WritePrecondition.NONE, MIN));
        assertEquals(3, store.listParts(key, id, 0, 10).parts().size());
    }

    @Test
    void preconditionsAreCheckedAtThePublishAndAFailureKeepsTheUpload() {
        List<byte[]> parts = threeParts();
        String id = store.createMultipartUpload(key, WriteOptions.DEFAULTS).uploadId();
        List<CompletedPart> done = uploadAll(store, key, id, parts);

        assertBlobError(BlobError.NO_SUCH_KEY, () -> store.completeMultipartUpload(key, id, done, new WritePrecondition.IfMatch("abc"), MIN));
        ObjectInfo old = put(store, key, utf8("old"));
        assertBlobError(BlobError.PRECONDITION_FAILED, () -> store.completeMultipartUpload(key, id, done, new WritePrecondition.IfAbsent(), MIN));
        assertBlobError(BlobError.PRECONDITION_FAILED,
                () -> store.completeMultipartUpload(key, id, done, new WritePrecondition.IfMatch("0123"), MIN));
        assertArrayEquals(utf8("old"), readAll(store, key));
        assertEquals(3, store.listParts(key, id, 0, 10).parts().size(), "the upload survives failed preconditions");
        assertEquals(List.of(), filesUnder(root.resolve("segments")));

        ObjectInfo info = store.completeMultipartUpload(key, id, done, new WritePrecondition.IfMatch(old.etag()), MIN);
        assertArrayEquals(concat(parts), readAll(store, key));
        assertEquals(info.etag(), store.stat(key).etag());

        String second = store.createMultipartUpload(key, WriteOptions.DEFAULTS).uploadId();
        List<CompletedPart> again = uploadAll(store, key, second, List.of(utf8("v3")));
        assertBlobError(BlobError.PRECONDITION_FAILED,
                () -> store.completeMultipartUpload(key, second, again, new WritePrecondition.IfAbsent(), MIN));
        store.completeMultipartUpload(key, second, again, new WritePrecondition.IfMatch(info.etag()), MIN);
        assertArrayEquals(utf8("v3"), readAll(store, key));
        assertEquals(1, filesUnder(root.resolve("segments")).size(), "the replaced multipart version's segments are freed");
    }

    @Test
    void createRejectsPreconditionsAndMissingBuckets() {
        assertBlobError(BlobError.INVALID_ARGUMENT,
                () -> store.createMultipartUpload(key, WriteOptions.DEFAULTS.withPrecondition(new WritePrecondition.IfAbsent())));
        assertBlobError(BlobError.NO_SUCH_BUCKET, () -> store.createMultipartUpload(new BlobKey("nope", "k"), WriteOptions.DEFAULTS));
        assertBlobError(BlobError.INVALID_ARGUMENT,
                () -> store.createMultipartUpload(key, WriteOptions.DEFAULTS.withExpected(ChecksumAlgorithm.MD5, MultipartTestSupport.md5Hex(new byte[0]))));
    }

    @Test
    void malformedOrForeignUploadIdsAreNoSuchUpload() throws IOException {
        String id = store.createMultipartUpload(key, WriteOptions.DEFAULTS).uploadId();
        Files.createDirectories(root.resolve("uploads/b/evil"));
        BlobKey other = new BlobKey("b", "other");
        for (String bad : List.of("", "../b", "..", "evil", id.toUpperCase(java.util.Locale.ROOT), id + "0", id.substring(1), "../../buckets/b")) {
            assertBlobError(BlobError.NO_SUCH_UPLOAD, () -> store.uploadPart(key, bad, 1, ObjectSource.of(utf8("x")), WriteOptions.DEFAULTS));
            assertBlobError(BlobError.NO_SUCH_UPLOAD, () -> store.listParts(key, bad, 0, 10));
            assertBlobError(BlobError.NO_SUCH_UPLOAD, () -> store.abortMultipartUpload(key, bad));
            assertBlobError(BlobError.NO_SUCH_UPLOAD,
                    () -> store.completeMultipartUpload(key, bad, List.of(new CompletedPart(1, "x")), WritePrecondition.NONE, 0));
        }
        assertBlobError(BlobError.NO_SUCH_UPLOAD, () -> store.uploadPart(other, id, 1, ObjectSource.of(utf8("x")), WriteOptions.DEFAULTS));
        assertBlobError(BlobError.NO_SUCH_UPLOAD, () -> store.abortMultipartUpload(other, id));
        assertBlobError(BlobError.NO_SUCH_UPLOAD, () -> store.abortMultipartUpload(key, UploadIds.newId(System.currentTimeMillis())));
        assertBlobError(BlobError.INVALID_ARGUMENT, () -> store.uploadPart(key, id, 0, ObjectSource.of(utf8("x")), WriteOptions.DEFAULTS));
        assertBlobError(BlobError.INVALID_ARGUMENT, () -> store.uploadPart(key, id, 10_001, ObjectSource.of(utf8("x")), WriteOptions.DEFAULTS));
        assertEquals(0, store.listParts(key, id, 0, 10).parts().size(), "the real upload is untouched");
    }

    @Test
    void abortIsIdempotentFreesThePartsAndEndsTheUpload() {
        String id = store.createMultipartUpload(key, WriteOptions.DEFAULTS).uploadId();
        List<CompletedPart> done = uploadAll(store, key, id, threeParts());
        store.abortMultipartUpload(key, id);
        store.abortMultipartUpload(key, id);
        assertTrue(filesUnder(root.resolve("uploads")).stream().noneMatch(f -> f.contains("part-")), "parts are freed");
        assertBlobError(BlobError.NO_SUCH_UPLOAD, () -> store.listParts(key, id, 0, 10));
        assertBlobError(BlobError.NO_SUCH_UPLOAD, () -> store.completeMultipartUpload(key, id, done, WritePrecondition.NONE, MIN));
        assertBlobError(BlobError.NO_SUCH_UPLOAD, () -> store.uploadPart(key, id, 1, ObjectSource.of(utf8("x")), WriteOptions.DEFAULTS));
        assertBlobError(BlobError.NO_SUCH_UPLOAD, () -> store.abortMultipartUpload(new BlobKey("b", "another key"), id));
        assertBlobError(BlobError.NO_SUCH_KEY, () -> store.stat(key));
        assertEquals(List.of(), store.listMultipartUploads(new dev.cairn.blob.SupportsMultipart.UploadListRequest("b", null, null, null, null, 10)).uploads());
    }

    @Test
    void partsAreVerifiedReplacedByNumberAndListedInPages() {
        String id = store.createMultipartUpload(key, new WriteOptions(WritePrecondition.NONE, null, null, null, null,
                Set.of(ChecksumAlgorithm.CRC32C))).uploadId();
        byte[] body = utf8("part body");
        assertBlobError(BlobError.BAD_DIGEST, () -> store.uploadPart(key, id, 1, new ObjectSource(new java.io.ByteArrayInputStream(body), 99),
                WriteOptions.DEFAULTS));
        assertBlobError(BlobError.BAD_DIGEST, () -> store.uploadPart(key, id, 1, ObjectSource.of(body),
                WriteOptions.DEFAULTS.withExpected(ChecksumAlgorithm.MD5, MultipartTestSupport.md5Hex(utf8("other")))));
        assertEquals(0, store.listParts(key, id, 0, 10).parts().size(), "a rejected part does not count");
        for (int n = 1; n <= 7; n++) {
            store.uploadPart(key, id, n, ObjectSource.of(utf8("first " + n)), WriteOptions.DEFAULTS);
        }
        PartInfo replaced = store.uploadPart(key, id, 3, ObjectSource.of(body),
                WriteOptions.DEFAULTS.withExpected(ChecksumAlgorithm.MD5, MultipartTestSupport.md5Hex(body)));
        assertEquals(MultipartTestSupport.md5Hex(body), replaced.etag());
        assertEquals(MultipartTestSupport.b3(body), replaced.checksums().get(ChecksumAlgorithm.B3));
        assertTrue(replaced.checksums().containsKey(ChecksumAlgorithm.CRC32C), "the upload's extra algorithms apply to every part");

        PartListing first = store.listParts(key, id, 0, 3);
        assertEquals(List.of(1, 2, 3), first.parts().stream().map(PartInfo::partNumber).toList());
        assertTrue(first.truncated());
        assertEquals(3, first.nextPartNumberMarker());
        assertEquals(replaced.etag(), first.parts().get(2).etag());
        assertEquals(body.length, first.parts().get(2).size());
        assertEquals(key, first.upload().key());
        PartListing rest = store.listParts(key, id, first.nextPartNumberMarker(), 10);
        assertEquals(List.of(4, 5, 6, 7), rest.parts().stream().map(PartInfo::partNumber).toList());
        assertFalse(rest.truncated());
        assertEquals(7, rest.nextPartNumberMarker());
        assertEquals(7, store.listParts(key, id, 7, 10).nextPartNumberMarker(), "an empty page keeps the marker");
        assertBlobError(BlobError.INVALID_ARGUMENT, () -> store.listParts(key, id, 0, 0));
    }

    @Test
    void uploadsAndPartsSurviveARestartAndLeftoverPartSpoolsAreCleaned() throws IOException {
        List<byte[]> parts = threeParts();
        String id = store.createMultipartUpload(key, WriteOptions.DEFAULTS.withContentType("text/x")).uploadId();
        List<CompletedPart> done = uploadAll(store, key, id, parts);
        store.close();
        Path dead = Files.createDirectories(root.resolve("tmp/dead-writer"));
        Files.write(dead.resolve("9.part"), data(4096, 9)); // a part upload a crash interrupted
        Files.createFile(root.resolve("tmp/dead-writer.lock"));

        store = open(root);
        assertEquals(List.of(), LocalTestSupport.partFiles(root));
        assertEquals(3, store.listParts(key, id, 0, 10).parts().size());
        ObjectInfo info = store.completeMultipartUpload(key, id, done, WritePrecondition.NONE, MIN);
        assertEquals("text/x", info.contentType());
        assertArrayEquals(concat(parts), readAll(store, key));
        store.close();
        store = open(root);
        assertEquals(info, store.stat(key));
        assertArrayEquals(concat(parts), readAll(store, key));
    }

    @Test
    void aSinglePartAndAnEmptyLastPartComplete() {
        String id = store.createMultipartUpload(key, WriteOptions.DEFAULTS).uploadId();
        List<byte[]> parts = List.of(data(MIN, 5), new byte[0]);
        ObjectInfo info = store.completeMultipartUpload(key, id, uploadAll(store, key, id, parts), WritePrecondition.NONE, MIN);
        assertEquals(List.of((long) MIN, 0L), info.partSizes());
        assertArrayEquals(parts.get(0), readAll(store, key));

        BlobKey empty = new BlobKey("b", "empty");
        String id2 = store.createMultipartUpload(empty, WriteOptions.DEFAULTS).uploadId();
        ObjectInfo none = store.completeMultipartUpload(empty, id2, uploadAll(store, empty, id2, List.of(new byte[0])),
                WritePrecondition.NONE, MIN);
        assertEquals(0, none.size());
        assertArrayEquals(new byte[0], readAll(store, empty));
        assertNotEquals(info.etag(), none.etag());
    }

    @Test
    void deletingAMultipartObjectFreesItsSegments() {
        String id = store.createMultipartUpload(key, WriteOptions.DEFAULTS).uploadId();
        store.completeMultipartUpload(key, id, uploadAll(store, key, id, threeParts()), WritePrecondition.NONE, MIN);
        assertEquals(3, filesUnder(root.resolve("segments")).size());
        store.delete(key);
        assertBlobError(BlobError.NO_SUCH_KEY, () -> store.stat(key));
        assertEquals(List.of(), filesUnder(root.resolve("segments")));
        store.deleteBucket("b");
    }
}
