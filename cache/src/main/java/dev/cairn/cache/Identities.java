package dev.cairn.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.ObjectInfo;
import java.time.Duration;
import java.util.Set;

/**
 * The current version of a key: from the backend on every call, or remembered for
 * {@code metadataTtl}, or (in an immutable bucket) remembered until this node changes the key.
 *
 * <p>A remembered identity is loaded inside Caffeine's per-key computation, and this node's
 * writes forget the key after the backend returned. Forgetting waits for a load in progress, so a
 * stat that saw the version before a write can never be remembered after that write.
 */
final class Identities {
    /** How many keys' identities are remembered per cache (about 1 KiB each). */
    static final int MAX_ENTRIES = 100_000;

    private final BlobStore store;
    private final Set<String> immutableBuckets;
    private final Cache<BlobKey, ObjectInfo> timed;
    private final Cache<BlobKey, ObjectInfo> immutable;

    Identities(BlobStore store, CacheSettings settings) {
        this.store = store;
        this.immutableBuckets = settings.immutableBuckets();
        Duration ttl = settings.metadataTtl();
        this.timed = ttl.isZero() ? null : Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfterWrite(ttl).build();
        this.immutable = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).build();
    }

    /**
     * The current version's metadata, as {@link BlobStore#stat} reports it (or reported it within
     * the TTL, or ever for an immutable bucket).
     *
     * @throws dev.cairn.blob.BlobStoreException as {@code stat}: NO_SUCH_BUCKET, NO_SUCH_KEY, ...
     */
    ObjectInfo current(BlobKey key) {
        Cache<BlobKey, ObjectInfo> remembered = immutableBuckets.contains(key.bucket()) ? immutable : timed;
        return remembered == null ? store.stat(key) : remembered.get(key, store::stat);
    }

    /** Forgets {@code key}, after this node changed it. */
    void forget(BlobKey key) {
        immutable.invalidate(key);
        if (timed != null) {
            timed.invalidate(key);
        }
    }

    /** Forgets every key of {@code bucket} (the bucket was deleted or created here). */
    void forgetBucket(String bucket) {
        immutable.asMap().keySet().removeIf(k -> k.bucket().equals(bucket));
        if (timed != null) {
            timed.asMap().keySet().removeIf(k -> k.bucket().equals(bucket));
        }
    }

    void clear() {
        immutable.invalidateAll();
        if (timed != null) {
            timed.invalidateAll();
        }
    }
}
