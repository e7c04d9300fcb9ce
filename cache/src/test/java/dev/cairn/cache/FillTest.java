package dev.cairn.cache;

import static dev.cairn.blob.testkit.ContractSupport.assertBlobError;
import static dev.cairn.blob.testkit.ContractSupport.put;
import static dev.cairn.blob.testkit.ContractSupport.randomBytes;
import static dev.cairn.blob.testkit.ContractSupport.readAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.ByteRange;
import dev.cairn.blob.ForwardingBlobStore;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectReader;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.ReadOptions;
import dev.cairn.blob.SupportsMultipart;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.blob.testkit.MultipartSupport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bytes enter the cache only from an accepted write or a read whose digest matched. */
class FillTest {
    private static final BlobKey KEY = new BlobKey("b", "k");
    /** 64 KiB of 1 KiB chunks; objects up to 4 KiB load whole, a whole read of up to 16 KiB is copied. */
    private static final CacheSettings SETTINGS = new CacheSettings(64 << 10, 1024, 4 << 10, Duration.ZERO, Set.of());

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private BlobStore cached(BlobStore store) {
        return ChunkCache.decorate(store, SETTINGS, registry);
    }

    @Test
    void anAcceptedWriteFillsTheCacheAndReadsNeverReachTheStore(@TempDir Path dir) {
        CountingStore counting = new CountingStore(Stores.memory(dir));
        BlobStore cache = cached(counting);
        cache.createBucket("b");
        byte[] data = randomBytes(3000, 1);
        put(cache, KEY, data);
        assertArrayEquals(data, readAll(cache, KEY));
        assertEquals(0, counting.reads.get());
        assertEquals(1, Meters.fills(registry, "write"));
        // unknown length, within the fill limit
        byte[] other = randomBytes(2000, 2);
        cache.write(KEY, ObjectSource.unknownLength(new ByteArrayInputStream(other)), WriteOptions.DEFAULTS);
        assertArrayEquals(other, readAll(cache, KEY));
        assertEquals(0, counting.reads.get());
        assertEquals(2, Meters.fills(registry, "write"));
    }

    @Test
    void aRefusedWriteOrOneAboveTheFillLimitFillsNothing(@TempDir Path dir) {
        CountingStore counting = new CountingStore(Stores.memory(dir));
        BlobStore cache = cached(counting);
        cache.createBucket("b");
        WriteOptions wrongMd5 = WriteOptions.DEFAULTS.withExpected(ChecksumAlgorithm.MD5, "0".repeat(32));
        assertBlobError(BlobError.BAD_DIGEST, () -> put(cache, KEY, randomBytes(3000, 1), wrongMd5));
        put(cache, new BlobKey("b", "big"), randomBytes(5000, 2));
        cache.write(new BlobKey("b", "big-unknown"), ObjectSource.unknownLength(new ByteArrayInputStream(randomBytes(5000, 3))),
                WriteOptions.DEFAULTS);
        assertEquals(0, Meters.fills(registry, "write"));
        assertEquals(0, Meters.bytes(registry));
    }

    @Test
    void aVerifiedMissFillsOnceAndAWholeReadOfALargerObjectIsCopiedIn(@TempDir Path dir) {
        CountingStore counting = new CountingStore(Stores.memory(dir));
        BlobStore cache = cached(counting);
        counting.underlying().createBucket("b");
        byte[] small = randomBytes(4000, 1);
        put(counting.underlying(), KEY, small);
        assertArrayEquals(small, readAll(cache, KEY));
        assertArrayEquals(small, readAll(cache, KEY));
        assertEquals(1, counting.reads.get());
        assertEquals(1, Meters.fills(registry, "read"));

        BlobKey large = new BlobKey("b", "large");
        byte[] data = randomBytes(10_000, 2); // above the fill limit, within the object share
        put(counting.underlying(), large, data);
        rangeOf(cache, large, 5000, 6000); // a range is read through, not copied
        assertEquals(2, counting.reads.get());
        assertArrayEquals(data, readAll(cache, large));
        assertEquals(3, counting.reads.get());
        assertEquals(2, Meters.fills(registry, "read"));
        assertArrayEquals(java.util.Arrays.copyOfRange(data, 5000, 6001), rangeOf(cache, large, 5000, 6000));
        assertEquals(3, counting.reads.get(), "the copied object serves ranges from chunks");
    }

    @Test
    void aMultipartObjectIsVerifiedAgainstItsCompositeBlake3(@TempDir Path dir) {
        BlobStore memory = Stores.memory(dir);
        memory.createBucket("b");
        SupportsMultipart multipart = (SupportsMultipart) memory;
        List<byte[]> parts = List.of(randomBytes(1500, 1), randomBytes(1500, 2), randomBytes(700, 3));
        String upload = multipart.createMultipartUpload(KEY, WriteOptions.DEFAULTS).uploadId();
        List<SupportsMultipart.PartInfo> stored = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            stored.add(multipart.uploadPart(KEY, upload, i + 1, ObjectSource.of(parts.get(i)), WriteOptions.DEFAULTS));
        }
        ObjectInfo info = multipart.completeMultipartUpload(KEY, upload, MultipartSupport.completed(stored), dev.cairn.blob.WritePrecondition.NONE, 1);
        assertTrue(info.blake3().endsWith("-3"));
        CountingStore counting = new CountingStore(memory);
        BlobStore cache = cached(counting);
        byte[] whole = MultipartSupport.concat(parts);
        assertArrayEquals(whole, readAll(cache, KEY));
        assertArrayEquals(whole, readAll(cache, KEY));
        assertEquals(1, counting.reads.get());
        assertEquals(1, Meters.fills(registry, "read"));
    }

    @Test
    void bytesThatDoNotMatchTheirDigestAreNeverCachedNorCountedAsHits(@TempDir Path dir) {
        BlobStore memory = Stores.memory(dir);
        memory.createBucket("b");
        put(memory, KEY, randomBytes(3000, 1));
        BlobKey large = new BlobKey("b", "large");
        put(memory, large, randomBytes(10_000, 2));
        CountingStore counting = new CountingStore(new FlippingStore(memory));
        BlobStore cache = cached(counting);
        for (int i = 0; i < 3; i++) {
            readAll(cache, KEY);
            readAll(cache, large);
        }
        assertTrue(counting.reads.get() >= 6, "every read went to the store: " + counting.reads.get());
        assertEquals(0, Meters.hits(registry));
        assertEquals(0, Meters.fills(registry, "read"));
        assertEquals(0, Meters.bytes(registry));
    }

    @Test
    void theCacheStaysWithinItsByteBoundAndEvictedObjectsStillRead(@TempDir Path dir) {
        CountingStore counting = new CountingStore(Stores.memory(dir));
        BlobStore cache = cached(counting);
        cache.createBucket("b");
        List<byte[]> written = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            written.add(randomBytes(4000, i));
            put(cache, new BlobKey("b", "o" + i), written.get(i)); // 240 KB through a 64 KiB cache
        }
        for (int i = 0; i < 60; i++) {
            assertArrayEquals(written.get(i), readAll(cache, new BlobKey("b", "o" + i)));
            assertTrue(Meters.bytes(registry) <= SETTINGS.maxBytes(), "cache.bytes " + Meters.bytes(registry));
        }
        assertTrue(counting.reads.get() > 0, "some objects must have been evicted and loaded again");
        assertTrue(registry.get("cache.evictions").tag("cache", "chunks").functionCounter().count() > 0);
    }

    private static byte[] rangeOf(BlobStore store, BlobKey key, long first, long last) {
        try (ObjectReader r = store.read(key, ReadOptions.range(new ByteRange.Closed(first, last)))) {
            return readAll(r);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A store whose reads flip the first byte they serve: corruption between medium and cache. */
    private static final class FlippingStore extends ForwardingBlobStore {
        FlippingStore(BlobStore delegate) {
            super(delegate);
        }

        @Override
        public ObjectReader read(BlobKey key, ReadOptions options) {
            ObjectReader inner = super.read(key, options);
            InputStream flipped = new FilterInputStream(inner.stream()) {
                private boolean first = true;

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    if (n > 0 && first) {
                        b[off] ^= 1;
                        first = false;
                    }
                    return n;
                }

                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                }
            };
            return new ObjectReader() {
                @Override
                public ObjectInfo info() {
                    return inner.info();
                }

                @Override
                public ByteRange.Resolved range() {
                    return inner.range();
                }

                @Override
                public InputStream stream() {
                    return flipped;
                }

                @Override
                public void close() throws IOException {
                    inner.close();
                }
            };
        }
    }
}
