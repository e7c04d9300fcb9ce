package dev.cairn.cache;

import static dev.cairn.blob.testkit.ContractSupport.put;
import static dev.cairn.blob.testkit.ContractSupport.randomBytes;
import static dev.cairn.blob.testkit.ContractSupport.readAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.ByteRange;
import dev.cairn.blob.ObjectReader;
import dev.cairn.blob.ReadOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every range form across 1 KiB chunk boundaries, compared with what the store underneath answers
 * for the same request (bytes, resolved range, or the error), while the cache serves it from chunks.
 */
class RangeAssemblyTest {
    private static final int CHUNK = 1024;
    private static final long[] SIZES = {0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 7};

    @Test
    void everyRangeFormMatchesTheStoreUnderneathAndIsServedFromChunks(@TempDir Path dir) throws IOException {
        BlobStore raw = Stores.memory(dir);
        CountingStore counting = new CountingStore(raw);
        BlobStore cache = Stores.cached(counting, Stores.small(1 << 20));
        raw.createBucket("b");
        int compared = 0;
        for (long size : SIZES) {
            BlobKey key = new BlobKey("b", "o" + size);
            byte[] data = randomBytes((int) size, size);
            put(raw, key, data);
            readAll(cache.read(key, ReadOptions.WHOLE)); // loads it
            int readsAfterLoad = counting.reads.get();
            for (ByteRange range : ranges(size)) {
                compare(raw, cache, key, range);
                compared++;
            }
            assertEquals(readsAfterLoad, counting.reads.get(), "size " + size + ": a range of a cached object reached the store");
        }
        assertTrue(compared > 150, "compared " + compared);
    }

    /** Whole, single bytes, exact chunks, partial first and last chunks, open and suffix ranges, and ranges past the end. */
    private static List<ByteRange> ranges(long size) {
        List<ByteRange> out = new ArrayList<>();
        out.add(null);
        long[] points = {0, 1, CHUNK - 2, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK - 1, 2 * CHUNK, 3 * CHUNK - 1, 3 * CHUNK,
                size - 2, size - 1, size, size + 1, 10 * CHUNK};
        for (long first : points) {
            if (first < 0) {
                continue;
            }
            out.add(new ByteRange.From(first));
            out.add(new ByteRange.Suffix(first));
            for (long last : points) {
                if (last >= first) {
                    out.add(new ByteRange.Closed(first, last));
                }
            }
        }
        return out;
    }

    private static void compare(BlobStore raw, BlobStore cache, BlobKey key, ByteRange range) throws IOException {
        compare(raw, cache, key, range, false);
        compare(raw, cache, key, range, true);
    }

    private static void compare(BlobStore raw, BlobStore cache, BlobKey key, ByteRange range, boolean buffers) throws IOException {
        ReadOptions options = new ReadOptions(range, dev.cairn.blob.ReadConditions.NONE);
        Object expected = answer(raw, key, options, false);
        Object actual = answer(cache, key, options, buffers);
        if (expected instanceof byte[] e) {
            assertTrue(actual instanceof byte[], () -> range + ": cache answered " + actual);
            assertArrayEquals(e, (byte[]) actual, () -> key + " " + range);
        } else {
            assertEquals(expected, actual, () -> key + " " + range);
        }
    }

    /**
     * The bytes prefixed by the resolved range, or the error; with {@code buffers}, read through
     * {@link ObjectReader#transferTo} when the reader offers it (a chunk-served read must).
     */
    private static Object answer(BlobStore store, BlobKey key, ReadOptions options, boolean buffers) throws IOException {
        try (ObjectReader reader = store.read(key, options)) {
            java.io.ByteArrayOutputStream sunk = new java.io.ByteArrayOutputStream();
            boolean transferred = buffers && reader.transferTo(b -> {
                assertTrue(b.isReadOnly(), "cached chunks are handed out read-only");
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                sunk.write(chunk, 0, chunk.length);
            });
            assertEquals(buffers && reader instanceof CachedReader, transferred,
                    "chunk-served reads transfer buffers; read-through ones leave it to their stream");
            byte[] bytes = transferred ? sunk.toByteArray() : readAll(reader);
            String head = reader.range() + " ";
            byte[] out = Arrays.copyOf(head.getBytes(), head.length() + bytes.length);
            System.arraycopy(bytes, 0, out, head.length(), bytes.length);
            return out;
        } catch (BlobStoreException e) {
            return e.error();
        }
    }

    @Test
    void aRangeOfAnObjectLargerThanTheFillLimitIsReadThroughCorrectly(@TempDir Path dir) throws IOException {
        BlobStore raw = Stores.memory(dir);
        BlobStore cache = Stores.cached(raw, Stores.small(16 << 10)); // fill limit 4 KiB
        raw.createBucket("b");
        BlobKey key = new BlobKey("b", "big");
        put(raw, key, randomBytes(10 * CHUNK + 3, 9));
        for (ByteRange range : ranges(10 * CHUNK + 3)) {
            compare(raw, cache, key, range);
        }
        assertThrows(BlobStoreException.class, () -> cache.read(new BlobKey("b", "missing"), ReadOptions.WHOLE));
    }
}
