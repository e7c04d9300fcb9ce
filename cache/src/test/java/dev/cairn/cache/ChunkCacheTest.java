package dev.cairn.cache;

import static dev.cairn.blob.testkit.ContractSupport.put;
import static dev.cairn.blob.testkit.ContractSupport.readAll;
import static dev.cairn.blob.testkit.ContractSupport.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.ForwardingBlobStore;
import dev.cairn.blob.HealthReport;
import dev.cairn.blob.SupportsMultipart;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public entry point: its shapes, settings, meters, health and close. */
class ChunkCacheTest {

    @Test
    void aDisabledCacheIsTheStoreItself(@TempDir Path dir) {
        BlobStore memory = Stores.memory(dir);
        CacheSettings off = new CacheSettings(0, 1024, 0, Duration.ZERO, Set.of());
        assertSame(memory, ChunkCache.decorate(memory, off, new SimpleMeterRegistry()));
    }

    @Test
    void multipartSupportIsKeptExactlyWhenTheStoreHasIt(@TempDir Path dir) {
        BlobStore memory = Stores.memory(dir);
        assertTrue(Stores.cached(memory, CacheSettings.defaults()) instanceof SupportsMultipart);
        BlobStore plain = new ForwardingBlobStore(memory) {
        };
        assertFalse(Stores.cached(plain, CacheSettings.defaults()) instanceof SupportsMultipart);
    }

    @Test
    void aCompletionThroughTheCacheForgetsTheRememberedIdentity(@TempDir Path dir) {
        BlobStore cache = Stores.cached(Stores.memory(dir), new CacheSettings(1 << 20, 1024, 1 << 18, Duration.ofHours(1), Set.of()));
        cache.createBucket("b");
        BlobKey key = new BlobKey("b", "k");
        put(cache, key, utf8("before"));
        readAll(cache, key);
        SupportsMultipart multipart = (SupportsMultipart) cache;
        String upload = multipart.createMultipartUpload(key, dev.cairn.blob.WriteOptions.DEFAULTS).uploadId();
        var part = multipart.uploadPart(key, upload, 1, dev.cairn.blob.ObjectSource.of(utf8("after")), dev.cairn.blob.WriteOptions.DEFAULTS);
        multipart.completeMultipartUpload(key, upload, java.util.List.of(new SupportsMultipart.CompletedPart(1, part.etag())),
                dev.cairn.blob.WritePrecondition.NONE, 1);
        assertArrayEquals(utf8("after"), readAll(cache, key));
    }

    @Test
    void settingsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new CacheSettings(1 << 20, 1024, (1 << 18) + 1, Duration.ZERO, Set.of()));
        assertThrows(IllegalArgumentException.class, () -> new CacheSettings(1 << 20, 512, 0, Duration.ZERO, Set.of()));
        assertThrows(IllegalArgumentException.class, () -> new CacheSettings(1 << 20, 1024, -1, Duration.ZERO, Set.of()));
        assertThrows(IllegalArgumentException.class, () -> new CacheSettings(1 << 20, 1024, 0, Duration.ofSeconds(-1), Set.of()));
        CacheSettings d = CacheSettings.defaults();
        assertEquals(256L << 20, d.maxBytes());
        assertEquals(64 << 10, d.chunkSize());
        assertEquals(8L << 20, d.fillLimit());
        assertEquals(Set.of(".oap"), d.withImmutableBuckets(Set.of(".oap")).immutableBuckets());
    }

    @Test
    void itsMetersAreRegisteredUnderTheirPublicNames(@TempDir Path dir) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        BlobStore cache = ChunkCache.decorate(Stores.memory(dir), CacheSettings.defaults(), registry);
        cache.createBucket("b");
        put(cache, new BlobKey("b", "k"), utf8("hello"));
        readAll(cache, new BlobKey("b", "k"));
        assertEquals(1, Meters.hits(registry));
        assertEquals(1, Meters.fills(registry, "write"));
        assertEquals(0, Meters.fills(registry, "read"));
        assertTrue(Meters.bytes(registry) >= 5);
        assertEquals(1.0, registry.get("cache.hit.ratio").gauge().value());
        // names and tags are public API (docs/adr/0014): exactly these
        java.util.Set<String> meters = new java.util.TreeSet<>();
        registry.getMeters().forEach(m -> meters.add(m.getId().getName() + m.getId().getTags()));
        assertEquals(new java.util.TreeSet<>(java.util.List.of(
                "cache.bytes[]", "cache.hit.ratio[]",
                "cache.fills[tag(source=read)]", "cache.fills[tag(source=write)]",
                "cache.gets[tag(cache=chunks), tag(result=hit)]", "cache.gets[tag(cache=chunks), tag(result=miss)]",
                "cache.puts[tag(cache=chunks)]", "cache.evictions[tag(cache=chunks)]",
                "cache.eviction.weight[tag(cache=chunks)]", "cache.size[tag(cache=chunks)]")), meters);
    }

    @Test
    void healthIsTheStoresAndCloseEmptiesTheCacheAndClosesTheStore(@TempDir Path dir) {
        AtomicBoolean closed = new AtomicBoolean();
        HealthReport unwell = new HealthReport(true, false, "disk full");
        BlobStore store = new ForwardingBlobStore(Stores.memory(dir)) {
            @Override
            public HealthReport health() {
                return unwell;
            }

            @Override
            public void close() {
                closed.set(true);
                super.close();
            }
        };
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        BlobStore cache = ChunkCache.decorate(store, CacheSettings.defaults(), registry);
        assertSame(unwell, cache.health());
        cache.createBucket("b");
        put(cache, new BlobKey("b", "k"), utf8("hello"));
        assertTrue(Meters.bytes(registry) > 0);
        cache.close();
        assertTrue(closed.get());
        assertEquals(0, Meters.bytes(registry));
    }
}
