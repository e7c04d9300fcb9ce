package dev.cairn.blob.memory;

import static dev.cairn.blob.testkit.ContractSupport.assertBlobError;
import static dev.cairn.blob.testkit.ContractSupport.put;
import static dev.cairn.blob.testkit.ContractSupport.randomBytes;
import static dev.cairn.blob.testkit.ContractSupport.readAll;
import static dev.cairn.blob.testkit.MultipartSupport.completed;
import static dev.cairn.blob.testkit.MultipartSupport.concat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.SupportsMultipart.PartInfo;
import dev.cairn.blob.SupportsMultipart.UploadListRequest;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.WritePrecondition;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.blob.testkit.ContractSupport;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the contract cannot see of the memory store's uploads: the byte cap, bucket deletion, the extra composite digests. */
class MemoryMultipartTest {
    private static final long CAP = 100_000;
    private final MemoryBlobStore store = new MemoryBlobStore(CAP);
    private final BlobKey k = new BlobKey("mp", "k");

    MemoryMultipartTest() {
        store.createBucket("mp");
    }

    @AfterEach
    void close() {
        store.close();
    }

    private String start() {
        return store.createMultipartUpload(k, WriteOptions.DEFAULTS).uploadId();
    }

    private PartInfo part(String id, int n, int size) {
        return store.uploadPart(k, id, n, ObjectSource.of(randomBytes(size, n)), WriteOptions.DEFAULTS);
    }

    private ObjectInfo complete(String id, List<PartInfo> parts) {
        return store.completeMultipartUpload(k, id, completed(parts), WritePrecondition.NONE, 1);
    }

    @Test
    void partsCountAgainstTheCapAndAReplacedPartIsFreed() {
        String id = start();
        part(id, 1, 40_000);
        part(id, 2, 30_000);
        assertEquals(70_000, store.usedBytes());
        part(id, 1, 10_000);
        assertEquals(40_000, store.usedBytes());
        assertBlobError(BlobError.INSUFFICIENT_STORAGE, () -> part(id, 3, 60_001));
        assertEquals(40_000, store.usedBytes());
        assertEquals(2, store.listParts(k, id, 0, 10).parts().size());
    }

    @Test
    void abortFreesEveryPart() {
        String id = start();
        part(id, 1, 40_000);
        part(id, 2, 30_000);
        store.abortMultipartUpload(k, id);
        assertEquals(0, store.usedBytes());
        store.abortMultipartUpload(k, id);
        assertEquals(0, store.usedBytes());
    }

    @Test
    void completionKeepsTheUsedPartsWithoutCopyingAndFreesTheRest() {
        put(store, k, randomBytes(20_000, 9));
        String id = start();
        PartInfo p1 = part(id, 1, 30_000);
        part(id, 2, 25_000);
        PartInfo p3 = part(id, 3, 5_000);
        assertEquals(80_000, store.usedBytes());
        complete(id, List.of(p1, p3));
        // The object is the two parts' bytes, counted once; part 2 and the old version are freed.
        assertEquals(35_000, store.usedBytes());
        assertArrayEquals(concat(List.of(randomBytes(30_000, 1), randomBytes(5_000, 3))), readAll(store, k));
        store.delete(k);
        assertEquals(0, store.usedBytes());
    }

    @Test
    void aFailedCompletionKeepsTheReservations() {
        put(store, k, randomBytes(1_000, 9));
        String id = start();
        PartInfo p1 = part(id, 1, 30_000);
        assertBlobError(BlobError.PRECONDITION_FAILED, () -> store.completeMultipartUpload(k, id, completed(List.of(p1)),
                new WritePrecondition.IfAbsent(), 1));
        assertEquals(31_000, store.usedBytes());
    }

    @Test
    void deletingABucketAbortsItsUploadsAndFreesTheirParts() {
        String id = start();
        part(id, 1, 40_000);
        store.deleteBucket("mp");
        assertEquals(0, store.usedBytes());
        store.createBucket("mp");
        assertBlobError(BlobError.NO_SUCH_UPLOAD, () -> store.listParts(k, id, 0, 10));
        assertBlobError(BlobError.NO_SUCH_UPLOAD, () -> part(id, 2, 10));
        assertTrue(store.listMultipartUploads(new UploadListRequest("mp", "", null, null, null, 1000)).uploads().isEmpty());
    }

    @Test
    void closeFreesUploads() {
        part(start(), 1, 40_000);
        store.close();
        assertEquals(0, store.usedBytes());
    }

    @Test
    void extraChecksumsOfTheUploadGetTheCompositeForm() {
        String id = store.createMultipartUpload(k,
                new WriteOptions(WritePrecondition.NONE, null, null, null, null, Set.of(ChecksumAlgorithm.SHA256))).uploadId();
        PartInfo p1 = part(id, 1, 3_000);
        PartInfo p2 = part(id, 2, 100);
        byte[] s1 = ContractSupport.jdkDigest("SHA-256", randomBytes(3_000, 1));
        byte[] s2 = ContractSupport.jdkDigest("SHA-256", randomBytes(100, 2));
        assertEquals(Base64.getEncoder().encodeToString(s1), p1.checksums().get(ChecksumAlgorithm.SHA256));
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.writeBytes(s1);
        both.writeBytes(s2);
        ObjectInfo info = complete(id, List.of(p1, p2));
        assertEquals(Base64.getEncoder().encodeToString(ContractSupport.jdkDigest("SHA-256", both.toByteArray())) + "-2",
                info.checksums().get(ChecksumAlgorithm.SHA256));
        assertEquals(Set.of(ChecksumAlgorithm.B3, ChecksumAlgorithm.SHA256), info.checksums().keySet(),
                "no whole-object MD5: the ETag carries the composite one");
    }

    @Test
    void expectedChecksumsOnCreateAreRefused() {
        assertBlobError(BlobError.INVALID_ARGUMENT, () -> store.createMultipartUpload(k,
                WriteOptions.DEFAULTS.withExpected(ChecksumAlgorithm.MD5, ContractSupport.md5Hex(new byte[0]))));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void partsRacingAnAbortLeaveNoBytesBehind() throws Exception {
        for (int round = 0; round < 20; round++) {
            String id = start();
            ExecutorService pool = Executors.newFixedThreadPool(5);
            CountDownLatch go = new CountDownLatch(1);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int thread = t;
                    futures.add(pool.submit((Callable<Void>) () -> {
                        go.await();
                        for (int i = 0; i < 5; i++) {
                            try {
                                part(id, 1 + thread * 5 + i, 2_000);
                            } catch (BlobStoreException e) {
                                assertEquals(BlobError.NO_SUCH_UPLOAD, e.error(), e.getMessage());
                            }
                        }
                        return null;
                    }));
                }
                futures.add(pool.submit((Callable<Void>) () -> {
                    go.await();
                    store.abortMultipartUpload(k, id);
                    return null;
                }));
                go.countDown();
                for (Future<?> f : futures) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(0, store.usedBytes(), "round " + round);
        }
    }
}
