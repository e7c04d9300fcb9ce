package dev.cairn.blob.testkit;

import static dev.cairn.blob.testkit.ContractSupport.listAllKeys;
import static dev.cairn.blob.testkit.ContractSupport.md5Hex;
import static dev.cairn.blob.testkit.ContractSupport.put;
import static dev.cairn.blob.testkit.ContractSupport.randomBytes;
import static dev.cairn.blob.testkit.ContractSupport.readAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BlobKey;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectReader;
import dev.cairn.blob.ReadOptions;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.digest.Blake3;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Thread safety: while one thread overwrites a key, readers always get one complete version whose
 * bytes match the metadata they were given (never a mix of versions, never new bytes with old
 * metadata), and concurrent writers to different keys all land.
 */
public interface ConcurrencyContract extends StoreFixture {

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    default void readersSeeOneCompleteVersionWhileAWriterOverwrites() throws Exception {
        BlobKey k = key("hot");
        int versions = 60;
        List<byte[]> bodies = new ArrayList<>();
        for (int v = 0; v < versions; v++) {
            // Sizes vary so a reader given the wrong version's length also fails.
            bodies.add(randomBytes(40_000 + 997 * v, v));
        }
        put(store(), k, bodies.get(0), WriteOptions.DEFAULTS.withUserMetadata(Map.of("v", "0")));
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                readers.add(pool.submit((Callable<Void>) () -> {
                    while (writing.get() || reads.get() < 20) {
                        try (ObjectReader reader = store().read(k, ReadOptions.WHOLE)) {
                            ObjectInfo info = reader.info();
                            byte[] got = readAll(reader);
                            int v = Integer.parseInt(info.userMetadata().get("v"));
                            if (!Blake3.hex(got).equals(info.blake3()) || !md5Hex(got).equals(info.etag())
                                    || got.length != info.size() || !Arrays.equals(got, bodies.get(v))) {
                                problems.add("read of version " + v + " returned other bytes (" + got.length + " bytes)");
                            }
                        }
                        reads.incrementAndGet();
                    }
                    return null;
                }));
            }
            Future<?> writer = pool.submit((Callable<Void>) () -> {
                try {
                    for (int v = 1; v < versions; v++) {
                        put(store(), k, bodies.get(v), WriteOptions.DEFAULTS.withUserMetadata(Map.of("v", Integer.toString(v))));
                    }
                } finally {
                    writing.set(false);
                }
                return null;
            });
            writer.get();
            for (Future<?> f : readers) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(), List.copyOf(problems));
        assertTrue(reads.get() >= 20, "readers ran");
        assertArrayEquals(bodies.get(versions - 1), readAll(store(), k));
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    default void concurrentWritersToDistinctKeysAllLand() throws Exception {
        int threads = 8;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<String> expected = new ArrayList<>();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit((Callable<Void>) () -> {
                    for (int i = 0; i < perThread; i++) {
                        put(store(), key("t" + thread + "/k" + i), randomBytes(1000 + i, thread * 1000L + i));
                    }
                    return null;
                }));
                for (int i = 0; i < perThread; i++) {
                    expected.add("t" + t + "/k" + i);
                }
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        expected.sort(ContractSupport.UTF8_BYTE_ORDER);
        assertEquals(expected, listAllKeys(store(), bucket()));
        for (int t = 0; t < threads; t++) {
            assertArrayEquals(randomBytes(1000 + 7, t * 1000L + 7), readAll(store(), key("t" + t + "/k7")));
        }
    }
}
