package dev.cairn.cache;

import dev.cairn.blob.BlobStore;
import dev.cairn.blob.ForwardingMultipartBlobStore;
import dev.cairn.blob.SupportsMultipart;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;

/**
 * The hot-chunk cache: a {@link BlobStore} decorator that serves reads from chunks of verified
 * object bytes held in memory, keyed by content identity (BLAKE3 and size) so an overwrite can
 * never serve a mix of two versions (docs/adr/0014).
 *
 * <p>Meters (Prometheus names): {@code cache_gets_total{cache="chunks",result="hit|miss"}},
 * {@code cache_puts_total}, {@code cache_evictions_total}, {@code cache_eviction_weight_total},
 * {@code cache_size} (all {@code cache="chunks"}, from Micrometer's Caffeine binder),
 * {@code cache_bytes}, {@code cache_hit_ratio} and {@code cache_fills_total{source="write|read"}}.
 */
public final class ChunkCache {
    private ChunkCache() {
    }

    /**
     * {@code store} itself when {@code settings.enabled()} is false; otherwise {@code store} behind
     * the cache. The result implements {@link SupportsMultipart} exactly when {@code store} does,
     * and a multipart completion through it forgets the key's remembered identity.
     *
     * <p>Errors are the store's: the cache answers NO_SUCH_BUCKET, NO_SUCH_KEY,
     * PRECONDITION_FAILED, NOT_MODIFIED and INVALID_RANGE exactly as the store would for the
     * version it serves. {@code health()} is the store's; {@code close()} empties the cache and
     * closes the store.
     *
     * @throws NullPointerException when an argument is null
     */
    public static BlobStore decorate(BlobStore store, CacheSettings settings, MeterRegistry registry) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(registry, "registry");
        if (!settings.enabled()) {
            return store;
        }
        Identities identities = new Identities(store, settings);
        ChunkTable table = new ChunkTable(settings, registry);
        if (!(store instanceof SupportsMultipart)) {
            return new CachingBlobStore(store, settings, table, identities);
        }
        BlobStore hooked = new CompletionHook(store, identities);
        return ForwardingMultipartBlobStore.preserving(new CachingBlobStore(hooked, settings, table, identities), hooked);
    }
}
