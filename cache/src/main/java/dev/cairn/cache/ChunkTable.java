package dev.cairn.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The chunks themselves: a Caffeine cache bounded by bytes, keyed by identity and chunk index,
 * and the meters that describe it ({@code cache.*} from {@link CaffeineCacheMetrics} with
 * {@code cache=chunks}, {@code cache.bytes}, {@code cache.hit.ratio}, {@code cache.fills{source}}).
 */
final class ChunkTable {
    /** What a chunk costs beyond its bytes: the key, the array header, the cache's entry. */
    private static final int ENTRY_OVERHEAD = 96;

    private final Cache<ChunkKey, byte[]> chunks;
    private final ChunkLayout layout;
    private final Counter writeFills;
    private final Counter readFills;

    ChunkTable(CacheSettings settings, MeterRegistry registry) {
        this.layout = new ChunkLayout(settings.chunkSize());
        this.chunks = Caffeine.newBuilder()
                .maximumWeight(settings.maxBytes())
                .weigher((ChunkKey k, byte[] v) -> v.length + ENTRY_OVERHEAD)
                .recordStats()
                // evict on the inserting thread: the byte bound then holds at once, not after
                // the common pool gets round to it while readers keep inserting
                .executor(Runnable::run)
                .build();
        CaffeineCacheMetrics.monitor(registry, chunks, "chunks");
        Gauge.builder("cache.bytes", chunks, ChunkTable::weightedSize)
                .description("bytes the chunk cache holds (weighted size, entry overhead included)")
                .baseUnit("bytes")
                .register(registry);
        Gauge.builder("cache.hit.ratio", chunks, c -> c.stats().hitRate())
                .description("share of chunk lookups served from the cache since start")
                .register(registry);
        this.writeFills = fills(registry, "write");
        this.readFills = fills(registry, "read");
    }

    private static Counter fills(MeterRegistry registry, String source) {
        return Counter.builder("cache.fills")
                .description("objects whose chunks entered the cache, by where the verified bytes came from")
                .tag("source", source)
                .register(registry);
    }

    ChunkLayout layout() {
        return layout;
    }

    /**
     * Chunks {@code first..last} of {@code id}, or null when any is missing. Counts a hit or a
     * miss per chunk.
     */
    byte[][] present(ContentId id, int first, int last) {
        List<ChunkKey> keys = new ArrayList<>(last - first + 1);
        for (int i = first; i <= last; i++) {
            keys.add(new ChunkKey(id, i));
        }
        Map<ChunkKey, byte[]> found = chunks.getAllPresent(keys);
        if (found.size() != keys.size()) {
            return null;
        }
        byte[][] out = new byte[keys.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = found.get(keys.get(i));
        }
        return out;
    }

    /** All chunks of {@code id}, or null when any is missing; counts nothing in the statistics. */
    byte[][] whole(ContentId id) {
        int count = layout.count(id.size());
        byte[][] out = new byte[count][];
        Map<ChunkKey, byte[]> map = chunks.asMap();
        for (int i = 0; i < count; i++) {
            out[i] = map.get(new ChunkKey(id, i));
            if (out[i] == null) {
                return null;
            }
        }
        return out;
    }

    /** Inserts an object's verified chunks and counts one fill from {@code fromWrite ? write : read}. */
    void insert(ContentId id, byte[][] whole, boolean fromWrite) {
        if (whole.length == 0) {
            return; // an empty object is served without chunks
        }
        for (int i = 0; i < whole.length; i++) {
            chunks.put(new ChunkKey(id, i), whole[i]);
        }
        (fromWrite ? writeFills : readFills).increment();
    }

    void clear() {
        chunks.invalidateAll();
        chunks.cleanUp();
    }

    /** Settles pending evictions, so the weighted size is exact (tests). */
    long weightedBytes() {
        chunks.cleanUp();
        return weightedSize(chunks);
    }

    private static long weightedSize(Cache<ChunkKey, byte[]> cache) {
        return cache.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }
}
