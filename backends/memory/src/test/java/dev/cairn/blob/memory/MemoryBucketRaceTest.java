package dev.cairn.blob.memory;

import static dev.cairn.blob.testkit.ContractSupport.put;
import static dev.cairn.blob.testkit.ContractSupport.readAll;
import static dev.cairn.blob.testkit.ContractSupport.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStoreException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A write racing a bucket delete: never both succeed, so no acknowledged write is lost. */
class MemoryBucketRaceTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void writeAndBucketDeleteNeverBothSucceed() throws Exception {
        MemoryBlobStore store = new MemoryBlobStore(1 << 20);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 2000; round++) {
                store.createBucket("race");
                BlobKey k = new BlobKey("race", "k");
                CyclicBarrier start = new CyclicBarrier(2);
                CompletableFuture<BlobError> write = CompletableFuture.supplyAsync(() -> attempt(start, () -> put(store, k, utf8("v"))), pool);
                CompletableFuture<BlobError> delete = CompletableFuture.supplyAsync(() -> attempt(start, () -> store.deleteBucket("race")), pool);
                BlobError w = write.get();
                BlobError d = delete.get();
                if (w == null) {
                    assertEquals(BlobError.BUCKET_NOT_EMPTY, d, "round " + round + ": an acknowledged write must survive");
                    assertArrayEquals(utf8("v"), readAll(store, k));
                    store.delete(k);
                    store.deleteBucket("race");
                } else {
                    assertEquals(BlobError.NO_SUCH_BUCKET, w, "round " + round);
                    assertNull(d, "round " + round);
                }
                assertFalse(store.bucketExists("race"));
                assertEquals(0, store.usedBytes(), "round " + round + ": bytes of a refused write are released");
            }
        } finally {
            pool.shutdownNow();
            store.close();
        }
    }

    private static BlobError attempt(CyclicBarrier start, Runnable call) {
        try {
            start.await();
            call.run();
            return null;
        } catch (BlobStoreException e) {
            return e.error();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
