package dev.cairn.blob.local;

import static dev.cairn.blob.local.LocalTestSupport.open;
import static dev.cairn.blob.local.LocalTestSupport.partFiles;
import static dev.cairn.blob.local.LocalTestSupport.readAll;
import static dev.cairn.blob.local.LocalTestSupport.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.WritePrecondition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class ConcurrentWriteTest {
    private static final int THREADS = 16;

    @TempDir
    Path root;

    @Test
    void sixteenThreadsRacingIfAbsentHaveExactlyOneWinnerWhoseBytesAreStored() throws Exception {
        try (LocalBlobStore store = open(root)) {
            store.createBucket("b");
            for (int round = 0; round < 5; round++) {
                BlobKey key = new BlobKey("b", "race/" + round);
                List<Integer> winners = race(List.of(store), key);
                assertEquals(1, winners.size(), "winners: " + winners);
                assertArrayEquals(body(winners.get(0)), readAll(store, key));
            }
            assertEquals(List.of(), partFiles(root));
        }
    }

    @Test
    void twoStoresOnOneRootShareTheIfAbsentGuarantee() throws Exception {
        try (LocalBlobStore a = open(root); LocalBlobStore b = open(root)) {
            a.createBucket("b");
            for (int round = 0; round < 5; round++) {
                BlobKey key = new BlobKey("b", "shared/" + round);
                List<Integer> winners = race(List.of(a, b), key);
                assertEquals(1, winners.size(), "winners: " + winners);
                assertArrayEquals(body(winners.get(0)), readAll(b, key));
            }
        }
    }

    @Test
    void ifMatchReadModifyWriteLosesNoUpdate() throws Exception {
        int threads = 8;
        int increments = 25;
        try (LocalBlobStore store = open(root)) {
            store.createBucket("b");
            BlobKey key = new BlobKey("b", "counter");
            store.write(key, ObjectSource.of(utf8("0")), WriteOptions.DEFAULTS);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Integer>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    results.add(pool.submit(() -> {
                        int conflicts = 0;
                        for (int done = 0; done < increments; ) {
                            ObjectInfo current = store.stat(key);
                            int value = Integer.parseInt(new String(readAll(store, key), StandardCharsets.UTF_8));
                            if (!store.stat(key).etag().equals(current.etag())) {
                                conflicts++;
                                continue; // read a newer version than the etag we hold: start again
                            }
                            try {
                                store.write(key, ObjectSource.of(utf8(Integer.toString(value + 1))),
                                        WriteOptions.DEFAULTS.withPrecondition(new WritePrecondition.IfMatch(current.etag())));
                                done++;
                            } catch (BlobStoreException e) {
                                assertEquals(BlobError.PRECONDITION_FAILED, e.error(), e.getMessage());
                                conflicts++;
                            }
                        }
                        return conflicts;
                    }));
                }
                for (Future<Integer> f : results) {
                    f.get(100, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(Integer.toString(threads * increments), new String(readAll(store, key), StandardCharsets.UTF_8));
        }
    }

    private static byte[] body(int writer) {
        return utf8(("writer-" + writer + ";").repeat(1000 + writer));
    }

    /** {@value #THREADS} writers (spread over {@code stores}) try IfAbsent at once; returns who succeeded. */
    private static List<Integer> race(List<? extends BlobStore> stores, BlobKey key) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch ready = new CountDownLatch(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                int writer = i;
                BlobStore store = stores.get(i % stores.size());
                Callable<Integer> task = () -> {
                    ready.countDown();
                    assertTrue(go.await(30, TimeUnit.SECONDS));
                    try {
                        store.write(key, ObjectSource.of(body(writer)),
                                WriteOptions.DEFAULTS.withPrecondition(new WritePrecondition.IfAbsent()));
                        return writer;
                    } catch (BlobStoreException e) {
                        assertEquals(BlobError.PRECONDITION_FAILED, e.error(), e.getMessage());
                        return -1;
                    }
                };
                futures.add(pool.submit(task));
            }
            assertTrue(ready.await(30, TimeUnit.SECONDS));
            go.countDown();
            List<Integer> winners = new ArrayList<>();
            for (Future<Integer> f : futures) {
                int w = f.get(60, TimeUnit.SECONDS);
                if (w >= 0) {
                    winners.add(w);
                }
            }
            return winners;
        } finally {
            pool.shutdownNow();
        }
    }
}
