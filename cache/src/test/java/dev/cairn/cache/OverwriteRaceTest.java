package dev.cairn.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.ByteRange;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectReader;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.ReadOptions;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writers overwrite one key with versions that are each one repeated byte value (named in the
 * version's metadata), of sizes spanning several chunks, some above the fill limit; readers read
 * it whole and in ranges at the same time. Every answer must be that single value throughout and
 * be the version its metadata and ETag name. Keying chunks by key instead of identity fails this.
 */
class OverwriteRaceTest {
    private static final BlobKey KEY = new BlobKey("b", "race");
    private static final Duration RUN = Duration.ofSeconds(3);
    /** 1 KiB chunks in 32 KiB: objects up to 8 KiB load whole, larger ones are read through. */
    private static final CacheSettings SETTINGS = new CacheSettings(32 << 10, 1024, 8 << 10, Duration.ZERO, Set.of());

    @Test
    void overMemory(@TempDir Path dir) throws Exception {
        race(Stores.memory(dir));
    }

    @Test
    void overLocal(@TempDir Path dir) throws Exception {
        race(Stores.local(dir));
    }

    private static void race(BlobStore store) throws Exception {
        BlobStore cache = Stores.cached(store, SETTINGS);
        cache.createBucket("b");
        write(cache, 0, 3000);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong checked = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> tasks = new ArrayList<>();
        try {
            for (int w = 0; w < 2; w++) {
                int seed = w;
                tasks.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    while (!stop.get()) {
                        write(cache, random.nextInt(1, 256), 1000 + random.nextInt(11_000));
                    }
                    return null;
                }));
            }
            for (int r = 0; r < 4; r++) {
                int seed = 100 + r;
                tasks.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    while (!stop.get()) {
                        ByteRange range = switch (random.nextInt(4)) {
                            case 0 -> null;
                            case 1 -> new ByteRange.Closed(random.nextInt(1500), 1500 + random.nextInt(10_000));
                            case 2 -> new ByteRange.From(random.nextInt(1000));
                            default -> new ByteRange.Suffix(1 + random.nextInt(12_000));
                        };
                        readAndCheck(cache, range);
                        checked.incrementAndGet();
                    }
                    return null;
                }));
            }
            Thread.sleep(RUN.toMillis());
            stop.set(true);
            for (Future<?> f : tasks) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            stop.set(true);
            pool.shutdownNow();
            cache.close();
        }
        assertTrue(checked.get() > 100, "too few reads checked: " + checked.get());
    }

    private static void write(BlobStore cache, int value, int size) {
        byte[] data = new byte[size];
        Arrays.fill(data, (byte) value);
        cache.write(KEY, ObjectSource.of(data), WriteOptions.DEFAULTS.withUserMetadata(Map.of("v", Integer.toString(value))));
    }

    private static void readAndCheck(BlobStore cache, ByteRange range) throws Exception {
        ReadOptions options = ReadOptions.range(range);
        byte[] bytes;
        ObjectInfo info;
        ByteRange.Resolved resolved;
        try (ObjectReader reader = cache.read(KEY, options); InputStream in = reader.stream()) {
            info = reader.info();
            resolved = reader.range();
            bytes = in.readAllBytes();
        } catch (BlobStoreException e) {
            assertEquals(BlobError.INVALID_RANGE, e.error(), e::getMessage); // a range past a shorter version's end
            return;
        }
        int value = Integer.parseInt(info.userMetadata().get("v"));
        assertEquals(info.size(), resolved.totalSize(), "the range is resolved against the reported version");
        assertEquals(resolved.length(), bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            if ((bytes[i] & 0xff) != value) {
                throw new AssertionError("byte " + (resolved.offset() + i) + " is " + (bytes[i] & 0xff) + " in a response naming version "
                        + value + " of " + info.size() + " bytes (range " + resolved + ")");
            }
        }
        assertEquals(md5OfRepeated(value, info.size()), info.etag(), "the ETag names another version than the metadata");
    }

    private static String md5OfRepeated(int value, long size) {
        byte[] data = new byte[(int) size];
        Arrays.fill(data, (byte) value);
        var d = ChecksumAlgorithm.MD5.newDigest();
        d.update(data, 0, data.length);
        return ChecksumAlgorithm.MD5.toText(d.finish());
    }

}
