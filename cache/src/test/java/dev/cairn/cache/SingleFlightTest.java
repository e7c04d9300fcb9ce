package dev.cairn.cache;

import static dev.cairn.blob.testkit.ContractSupport.put;
import static dev.cairn.blob.testkit.ContractSupport.randomBytes;
import static dev.cairn.blob.testkit.ContractSupport.readAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.ByteRange;
import dev.cairn.blob.ObjectReader;
import dev.cairn.blob.ReadOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Concurrent misses of one identity load it from the store once. */
class SingleFlightTest {
    private static final int READERS = 8;

    @Test
    void concurrentMissesOfOneObjectReadTheStoreOnce(@TempDir Path dir) throws Exception {
        // The store's read waits until every reader has stated the key, so all of them miss together.
        CountingStore counting = new CountingStore(Stores.memory(dir)) {
            @Override
            public ObjectReader read(BlobKey key, ReadOptions options) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (stats.get() < READERS && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                return super.read(key, options);
            }
        };
        BlobStore cache = Stores.cached(counting, Stores.small(1 << 20));
        BlobKey key = new BlobKey("b", "k");
        counting.underlying().createBucket("b");
        byte[] data = randomBytes(10_000, 3);
        put(counting.underlying(), key, data);
        ExecutorService pool = Executors.newFixedThreadPool(READERS);
        try {
            List<Future<byte[]>> results = new ArrayList<>();
            for (int i = 0; i < READERS; i++) {
                long first = i * 1000L; // each reader wants another chunk of the same object
                results.add(pool.submit(() -> {
                    try (ObjectReader r = cache.read(key, ReadOptions.range(new ByteRange.Closed(first, first + 1500)))) {
                        return readAll(r);
                    }
                }));
            }
            for (int i = 0; i < READERS; i++) {
                assertArrayEquals(Arrays.copyOfRange(data, i * 1000, i * 1000 + 1501), results.get(i).get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(READERS, counting.stats.get());
        assertEquals(1, counting.reads.get(), "the misses must share one load");
        readAll(cache, key);
        assertEquals(1, counting.reads.get());
    }
}
