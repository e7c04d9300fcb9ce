package dev.cairn.blob.testkit;

import static dev.cairn.blob.testkit.ContractSupport.assertBlobError;
import static dev.cairn.blob.testkit.ContractSupport.keys;
import static dev.cairn.blob.testkit.ContractSupport.md5Hex;
import static dev.cairn.blob.testkit.ContractSupport.put;
import static dev.cairn.blob.testkit.ContractSupport.randomBytes;
import static dev.cairn.blob.testkit.ContractSupport.readAll;
import static dev.cairn.blob.testkit.ContractSupport.utf8;
import static dev.cairn.blob.testkit.MultipartSupport.blake3;
import static dev.cairn.blob.testkit.MultipartSupport.completed;
import static dev.cairn.blob.testkit.MultipartSupport.concat;
import static dev.cairn.blob.testkit.MultipartSupport.expectedBlake3;
import static dev.cairn.blob.testkit.MultipartSupport.expectedEtag;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.ByteRange;
import dev.cairn.blob.ListPage;
import dev.cairn.blob.ListRequest;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectReader;
import dev.cairn.blob.ReadOptions;
import dev.cairn.blob.SupportsMultipart.MultipartUpload;
import dev.cairn.blob.SupportsMultipart.PartInfo;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.WritePrecondition;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.blob.digest.Hex;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Uploads that complete: the assembled bytes, size, ETag, composite BLAKE3, part sizes and
 * metadata; atomic replacement under the write preconditions; and the upload id ending with
 * completion or abort.
 */
public interface MultipartCompletionContract extends MultipartFixture {

    @Test
    default void completionAssemblesThePartsWithTheirDigestsAndTheUploadsMetadata() {
        BlobKey k = key("movies/big.mp4");
        WriteOptions options = WriteOptions.DEFAULTS.withContentType("video/mp4")
                .withContentHeaders(Map.of("content-language", "en")).withUserMetadata(Map.of("owner", "ann"));
        MultipartUpload upload = multipart().createMultipartUpload(k, options);
        assertEquals(k, upload.key());
        assertNotNull(upload.initiated());
        assertTrue(upload.uploadId().matches("[A-Za-z0-9_.~-]+"), "upload ids are URL-safe: " + upload.uploadId());
        byte[] p1 = randomBytes(minPartInt() + 1976, 1);
        byte[] p2 = randomBytes(minPartInt() + 1024, 2);
        byte[] p3 = randomBytes(500, 3);
        // Parts may arrive in any order; the completion list sets the order.
        PartInfo i3 = part(k, upload.uploadId(), 3, p3);
        PartInfo i1 = part(k, upload.uploadId(), 1, p1);
        PartInfo i2 = part(k, upload.uploadId(), 2, p2);
        List<byte[]> parts = List.of(p1, p2, p3);
        byte[] all = concat(parts);

        ObjectInfo info = complete(k, upload.uploadId(), List.of(i1, i2, i3));

        for (ObjectInfo seen : List.of(info, store().stat(k))) {
            assertEquals(k, seen.key());
            assertEquals(all.length, seen.size());
            assertEquals(expectedEtag(parts), seen.etag());
            assertEquals(List.of((long) p1.length, (long) p2.length, 500L), seen.partSizes());
            assertEquals(3, seen.partCount());
            assertEquals(expectedBlake3(parts), seen.blake3());
            assertEquals("video/mp4", seen.contentType());
            assertEquals(Map.of("content-language", "en"), seen.contentHeaders());
            assertEquals(Map.of("owner", "ann"), seen.userMetadata());
        }
        assertArrayEquals(all, readAll(store(), k));
        ListPage page = store().list(ListRequest.all(bucket()));
        assertEquals(List.of(k.key()), keys(page));
        assertEquals(info.etag(), page.objects().get(0).etag());
        assertEquals(all.length, page.objects().get(0).size());
    }

    @Test
    default void uploadedPartReportsItsSizeEtagAndDigests() {
        BlobKey k = key("p");
        String id = start(k);
        byte[] data = randomBytes(1500, 7);
        PartInfo info = part(k, id, 4, data);
        assertEquals(4, info.partNumber());
        assertEquals(1500, info.size());
        assertEquals(md5Hex(data), info.etag());
        assertEquals(md5Hex(data), info.checksums().get(ChecksumAlgorithm.MD5));
        assertEquals(Hex.encode(blake3(data)), info.checksums().get(ChecksumAlgorithm.B3));
        assertNotNull(info.lastModified());
    }

    @Test
    default void partWithAMatchingExpectedChecksumIsAccepted() {
        BlobKey k = key("checked");
        String id = start(k);
        byte[] data = randomBytes(2000, 8);
        String sha256 = Base64.getEncoder().encodeToString(ContractSupport.jdkDigest("SHA-256", data));
        PartInfo info = multipart().uploadPart(k, id, 1, dev.cairn.blob.ObjectSource.of(data),
                WriteOptions.DEFAULTS.withExpected(ChecksumAlgorithm.SHA256, sha256).withExpected(ChecksumAlgorithm.B3,
                        Hex.encode(blake3(data))));
        assertEquals(md5Hex(data), info.etag());
        complete(k, id, List.of(info));
        assertArrayEquals(data, readAll(store(), k));
    }

    @Test
    default void reuploadingAPartNumberReplacesThePart() {
        BlobKey k = key("again");
        String id = start(k);
        byte[] first = randomBytes(minPartInt() + 976, 1);
        byte[] second = randomBytes(minPartInt() + 776, 2);
        byte[] tail = randomBytes(10, 3);
        PartInfo old = part(k, id, 1, first);
        PartInfo replacement = part(k, id, 1, second);
        PartInfo last = part(k, id, 2, tail);
        List<PartInfo> listed = multipart().listParts(k, id, 0, 1000).parts();
        assertEquals(List.of(1, 2), listed.stream().map(PartInfo::partNumber).toList());
        assertEquals(replacement.etag(), listed.get(0).etag());
        assertEquals(second.length, listed.get(0).size());
        assertBlobError(BlobError.INVALID_PART, () -> complete(k, id, List.of(old, last)));
        ObjectInfo info = complete(k, id, List.of(replacement, last));
        assertArrayEquals(concat(List.of(second, tail)), readAll(store(), k));
        assertEquals(expectedEtag(List.of(second, tail)), info.etag());
    }

    @Test
    default void rangesAcrossPartBoundariesServeTheRightBytes() throws IOException {
        BlobKey k = key("ranged");
        String id = start(k);
        // Offsets relative to the first boundary b1 and the second b2, so the ranges straddle them
        // whatever the fixture's minimum part size.
        List<byte[]> parts = List.of(randomBytes(minPartInt() + 476, 1), randomBytes(minPartInt() + 76, 2), randomBytes(1300, 3));
        long b1 = parts.get(0).length;
        long b2 = b1 + parts.get(1).length;
        List<PartInfo> infos = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            infos.add(part(k, id, i + 1, parts.get(i)));
        }
        complete(k, id, infos);
        byte[] all = concat(parts);
        List<ByteRange> ranges = List.of(new ByteRange.Closed(b1 - 1, b1), new ByteRange.Closed(b1 - 100, b1 + 100),
                new ByteRange.Closed(b1 - 500, b2 + 400), new ByteRange.Closed(0, all.length - 1), new ByteRange.Closed(b2 - 1, b2),
                new ByteRange.From(b2 - 1), new ByteRange.Suffix(1301), new ByteRange.Closed(b1, b1));
        for (ByteRange range : ranges) {
            try (ObjectReader reader = store().read(k, ReadOptions.range(range))) {
                ByteRange.Resolved r = reader.range();
                byte[] expected = Arrays.copyOfRange(all, (int) r.offset(), (int) (r.offset() + r.length()));
                assertArrayEquals(expected, ContractSupport.readAll(reader), range.toString());
                assertEquals(range.resolve(all.length, "expected", k), r, range.toString());
            }
        }
    }

    @Test
    default void completionReplacesAnExistingObjectAtomically() throws IOException {
        BlobKey k = key("replaced");
        byte[] old = randomBytes(5000, 9);
        ObjectInfo v1 = put(store(), k, old, WriteOptions.DEFAULTS.withContentType("text/old").withUserMetadata(Map.of("gen", "1")));
        String id = start(k);
        List<byte[]> parts = List.of(randomBytes(minPartInt(), 1), randomBytes(100, 2));
        List<PartInfo> infos = List.of(part(k, id, 1, parts.get(0)), part(k, id, 2, parts.get(1)));
        assertArrayEquals(old, readAll(store(), k), "parts are invisible until completion");
        assertEquals(v1.etag(), store().stat(k).etag());
        try (ObjectReader before = store().read(k, ReadOptions.WHOLE)) {
            ObjectInfo v2 = complete(k, id, infos);
            assertArrayEquals(old, ContractSupport.readAll(before), "a read opened before completion keeps its version");
            assertEquals(v1.etag(), before.info().etag());
            assertNotEquals(v1.etag(), v2.etag());
        }
        assertArrayEquals(concat(parts), readAll(store(), k));
        ObjectInfo now = store().stat(k);
        assertEquals(expectedEtag(parts), now.etag());
        assertEquals(ObjectInfo.DEFAULT_CONTENT_TYPE, now.contentType(), "metadata comes from the upload, not the old object");
        assertEquals(Map.of(), now.userMetadata());
        assertEquals(List.of(k.key()), keys(store().list(ListRequest.all(bucket()))));
    }

    @Test
    default void completingWithIfMatchChecksTheCurrentEtag() {
        BlobKey k = key("cas");
        ObjectInfo v1 = put(store(), k, utf8("one"));
        ObjectInfo v2 = put(store(), k, utf8("two"));
        String id = start(k);
        List<PartInfo> infos = List.of(part(k, id, 1, randomBytes(10, 1)));
        assertBlobError(BlobError.PRECONDITION_FAILED, () -> multipart().completeMultipartUpload(k, id, completed(infos),
                new WritePrecondition.IfMatch(v1.etag()), minPart()));
        assertArrayEquals(utf8("two"), readAll(store(), k));
        ObjectInfo v3 = multipart().completeMultipartUpload(k, id, completed(infos), new WritePrecondition.IfMatch(v2.etag()), minPart());
        assertEquals(v3.etag(), store().stat(k).etag());
        assertArrayEquals(randomBytes(10, 1), readAll(store(), k));
    }

    @Test
    default void completingWithIfMatchOnAMissingKeyIsNoSuchKeyAndKeepsTheUpload() {
        BlobKey k = key("missing");
        String id = start(k);
        List<PartInfo> infos = List.of(part(k, id, 1, randomBytes(10, 1)));
        assertBlobError(BlobError.NO_SUCH_KEY, () -> multipart().completeMultipartUpload(k, id, completed(infos),
                new WritePrecondition.IfMatch(md5Hex(new byte[0])), minPart()));
        assertBlobError(BlobError.NO_SUCH_KEY, () -> store().stat(k));
        assertEquals(1, multipart().listParts(k, id, 0, 1000).parts().size(), "the upload survives a failed completion");
    }

    @Test
    default void completingWithIfAbsentOverAnExistingKeyFailsAndTheUploadStaysCompletable() {
        BlobKey k = key("taken");
        ObjectInfo existing = put(store(), k, utf8("first"));
        String id = start(k);
        byte[] data = randomBytes(1200, 4);
        List<PartInfo> infos = List.of(part(k, id, 1, data));
        assertBlobError(BlobError.PRECONDITION_FAILED, () -> multipart().completeMultipartUpload(k, id, completed(infos),
                new WritePrecondition.IfAbsent(), minPart()));
        assertArrayEquals(utf8("first"), readAll(store(), k));
        assertEquals(existing.etag(), store().stat(k).etag());
        // S3 keeps an upload whose completion failed: it can still be listed and completed.
        assertEquals(List.of(infos.get(0).etag()), multipart().listParts(k, id, 0, 1000).parts().stream().map(PartInfo::etag).toList());
        complete(k, id, infos);
        assertArrayEquals(data, readAll(store(), k));
    }

    @Test
    default void completingWithIfAbsentCreatesAnAbsentKey() {
        BlobKey k = key("fresh");
        String id = start(k);
        List<PartInfo> infos = List.of(part(k, id, 1, randomBytes(minPartInt(), 1)), part(k, id, 2, randomBytes(3, 2)));
        ObjectInfo info = multipart().completeMultipartUpload(k, id, completed(infos), new WritePrecondition.IfAbsent(), minPart());
        assertEquals(info.etag(), store().stat(k).etag());
        assertEquals(List.of(minPart(), 3L), store().stat(k).partSizes());
    }

    @Test
    default void aCompletedUploadIdIsGone() {
        BlobKey k = key("done");
        String id = start(k);
        List<PartInfo> infos = List.of(part(k, id, 1, randomBytes(100, 1)));
        ObjectInfo info = complete(k, id, infos);
        assertBlobError(BlobError.NO_SUCH_UPLOAD, () -> part(k, id, 2, randomBytes(100, 2)));
        assertBlobError(BlobError.NO_SUCH_UPLOAD, () -> complete(k, id, infos));
        assertBlobError(BlobError.NO_SUCH_UPLOAD, () -> multipart().listParts(k, id, 0, 1000));
        assertBlobError(BlobError.NO_SUCH_UPLOAD, () -> multipart().abortMultipartUpload(k, id));
        assertEquals(info.etag(), store().stat(k).etag(), "nothing above touched the completed object");
        assertArrayEquals(randomBytes(100, 1), readAll(store(), k));
        assertTrue(multipart().listMultipartUploads(MultipartListingContract.all(bucket())).uploads().isEmpty());
    }

    @Test
    default void abortIsIdempotentAndEndsTheUpload() {
        BlobKey k = key("aborted");
        String id = start(k);
        List<PartInfo> infos = List.of(part(k, id, 1, randomBytes(minPartInt() + 976, 1)), part(k, id, 2, randomBytes(10, 2)));
        multipart().abortMultipartUpload(k, id);
        multipart().abortMultipartUpload(k, id);
        assertBlobError(BlobError.NO_SUCH_UPLOAD, () -> part(k, id, 3, randomBytes(10, 3)));
        assertBlobError(BlobError.NO_SUCH_UPLOAD, () -> multipart().listParts(k, id, 0, 1000));
        assertBlobError(BlobError.NO_SUCH_UPLOAD, () -> complete(k, id, infos));
        multipart().abortMultipartUpload(k, id);
        assertBlobError(BlobError.NO_SUCH_KEY, () -> store().stat(k));
        assertEquals(List.of(), keys(store().list(ListRequest.all(bucket()))));
        assertTrue(multipart().listMultipartUploads(MultipartListingContract.all(bucket())).uploads().isEmpty());
    }

    @Test
    default void abortingAnUploadWithoutPartsSucceeds() {
        BlobKey k = key("empty-abort");
        String id = start(k);
        multipart().abortMultipartUpload(k, id);
        assertBlobError(BlobError.NO_SUCH_UPLOAD, () -> multipart().listParts(k, id, 0, 1000));
    }

    @Test
    default void aSinglePartMayHaveAnySizeIncludingZero() {
        BlobKey empty = key("empty");
        String id = start(empty);
        ObjectInfo info = complete(empty, id, List.of(part(empty, id, 1, new byte[0])));
        assertEquals(0, info.size());
        assertEquals(expectedEtag(List.of(new byte[0])), info.etag());
        assertEquals(expectedBlake3(List.of(new byte[0])), info.blake3());
        assertEquals(List.of(0L), info.partSizes());
        assertArrayEquals(new byte[0], readAll(store(), empty));

        BlobKey small = key("small");
        String id2 = start(small);
        PartInfo p = part(small, id2, 1, utf8("tiny"));
        ObjectInfo info2 = multipart().completeMultipartUpload(small, id2, completed(List.of(p)), WritePrecondition.NONE, 5L << 20);
        assertEquals(4, info2.size());
        assertArrayEquals(utf8("tiny"), readAll(store(), small));
    }

    @Test
    default void theLastPartMayBeSmallAndOthersMayBeExactlyTheMinimum() {
        BlobKey k = key("edges");
        String id = start(k);
        List<byte[]> parts = List.of(randomBytes(minPartInt(), 1), randomBytes(minPartInt(), 2), randomBytes(1, 3));
        List<PartInfo> infos = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            infos.add(part(k, id, i + 1, parts.get(i)));
        }
        ObjectInfo info = complete(k, id, infos);
        assertEquals(List.of(minPart(), minPart(), 1L), info.partSizes());
        assertArrayEquals(concat(parts), readAll(store(), k));
    }

    @Test
    default void partsMayBeLeftOutAndNumbersMayHaveGaps() {
        BlobKey k = key("gaps");
        String id = start(k);
        byte[] a = randomBytes(minPartInt() + 76, 1);
        byte[] b = randomBytes(1200, 2);
        byte[] c = randomBytes(1300, 3);
        PartInfo pa = part(k, id, 1, a);
        part(k, id, 5, b);
        PartInfo pc = part(k, id, 10_000, c);
        ObjectInfo info = complete(k, id, List.of(pa, pc));
        assertArrayEquals(concat(List.of(a, c)), readAll(store(), k));
        assertEquals(expectedEtag(List.of(a, c)), info.etag());
        assertEquals(expectedBlake3(List.of(a, c)), info.blake3());
        assertEquals(List.of((long) a.length, 1300L), info.partSizes());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    default void concurrentPartUploadsFromEightThreadsAllLand() throws Exception {
        BlobKey k = key("parallel");
        String id = start(k);
        int threads = 8;
        int perThread = 3;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<PartInfo>>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit((Callable<List<PartInfo>>) () -> {
                    List<PartInfo> mine = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        int number = 1 + thread + threads * i;
                        mine.add(part(k, id, number, randomBytes(minPartInt() + 20_000 + number, number)));
                    }
                    return mine;
                }));
            }
            List<PartInfo> all = new ArrayList<>();
            for (Future<List<PartInfo>> f : futures) {
                all.addAll(f.get());
            }
            all.sort((x, y) -> Integer.compare(x.partNumber(), y.partNumber()));
            assertEquals(threads * perThread, multipart().listParts(k, id, 0, 1000).parts().size());
            ObjectInfo info = complete(k, id, all);
            List<byte[]> expected = new ArrayList<>();
            for (int n = 1; n <= threads * perThread; n++) {
                expected.add(randomBytes(minPartInt() + 20_000 + n, n));
            }
            assertArrayEquals(concat(expected), readAll(store(), k));
            assertEquals(expectedEtag(expected), info.etag());
            assertFalse(info.partSizes().isEmpty());
        } finally {
            pool.shutdownNow();
        }
    }
}
