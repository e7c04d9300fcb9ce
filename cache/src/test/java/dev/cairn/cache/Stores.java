package dev.cairn.cache;

import dev.cairn.blob.BackendSettings;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.local.LocalBlobStoreProvider;
import dev.cairn.blob.memory.MemoryBlobStoreProvider;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** The real stores the cache's tests run over, and cache settings for them. */
final class Stores {
    private Stores() {
    }

    static BlobStore memory(Path dir) {
        return new MemoryBlobStoreProvider().open(new BackendSettings(dir, Map.of()));
    }

    static BlobStore local(Path dir) {
        return new LocalBlobStoreProvider().open(new BackendSettings(dir,
                Map.of(LocalBlobStoreProvider.MIN_FREE, "0", LocalBlobStoreProvider.FSYNC, "false")));
    }

    /** Small chunks in a small cache, so tests cross chunk boundaries and evict. */
    static CacheSettings small(long maxBytes) {
        return new CacheSettings(maxBytes, 1024, maxBytes / 4, Duration.ZERO, Set.of());
    }

    static BlobStore cached(BlobStore store, CacheSettings settings) {
        return ChunkCache.decorate(store, settings, new SimpleMeterRegistry());
    }
}
