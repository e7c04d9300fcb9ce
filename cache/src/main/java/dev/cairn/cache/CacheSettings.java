package dev.cairn.cache;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How the chunk cache is sized and how fresh it keeps object identities (docs/adr/0014).
 *
 * @param maxBytes the bound on cached chunk bytes (weigher); 0 disables the cache
 * @param chunkSize the chunk length (64 KiB by default), 1 KiB to 16 MiB
 * @param fillLimit objects up to this size are loaded whole on a miss and teed into the cache when
 *     written (8 MiB by default); at most a quarter of {@code maxBytes} when the cache is enabled.
 *     Larger objects are read through, and enter the cache only from a verified whole-object read
 * @param metadataTtl how long an object's identity (stat) may be reused without asking the
 *     backend again; {@link Duration#ZERO} asks on every request (always fresh, one backend stat
 *     per read)
 * @param immutableBuckets buckets whose objects never change once written (the OAP bucket): their
 *     identity is never revalidated, only forgotten on this node's own writes and deletes
 */
public record CacheSettings(long maxBytes, int chunkSize, long fillLimit, Duration metadataTtl, Set<String> immutableBuckets) {
    public static final long DEFAULT_MAX_BYTES = 256L << 20;
    public static final int DEFAULT_CHUNK_SIZE = 64 << 10;
    public static final long DEFAULT_FILL_LIMIT = 8L << 20;
    static final int MIN_CHUNK_SIZE = 1 << 10;
    static final int MAX_CHUNK_SIZE = 16 << 20;

    /**
     * @throws IllegalArgumentException for a negative size or TTL, a chunk size outside 1 KiB to
     *     16 MiB, or (when enabled) a fill limit above a quarter of {@code maxBytes}
     * @throws NullPointerException for a null TTL or bucket set
     */
    public CacheSettings {
        Objects.requireNonNull(metadataTtl, "metadataTtl");
        immutableBuckets = Set.copyOf(immutableBuckets);
        if (maxBytes < 0) {
            throw new IllegalArgumentException("cache max bytes must not be negative");
        }
        if (chunkSize < MIN_CHUNK_SIZE || chunkSize > MAX_CHUNK_SIZE) {
            throw new IllegalArgumentException("cache chunk size must be 1KiB to 16MiB");
        }
        if (fillLimit < 0) {
            throw new IllegalArgumentException("cache fill limit must not be negative");
        }
        // A fill that could take most of the cache would evict everything else for one object.
        if (maxBytes > 0 && fillLimit > maxBytes / 4) {
            throw new IllegalArgumentException("cache fill limit " + fillLimit + " must be at most a quarter of max bytes " + maxBytes);
        }
        if (metadataTtl.isNegative()) {
            throw new IllegalArgumentException("cache metadata TTL must not be negative");
        }
    }

    /** 256 MiB of 64 KiB chunks, 8 MiB fill limit, identities revalidated on every read, no immutable bucket. */
    public static CacheSettings defaults() {
        return new CacheSettings(DEFAULT_MAX_BYTES, DEFAULT_CHUNK_SIZE, DEFAULT_FILL_LIMIT, Duration.ZERO, Set.of());
    }

    /** These settings with {@code buckets} as the immutable buckets. */
    public CacheSettings withImmutableBuckets(Set<String> buckets) {
        return new CacheSettings(maxBytes, chunkSize, fillLimit, metadataTtl, buckets);
    }

    /** Whether the cache is on ({@code maxBytes > 0}). */
    public boolean enabled() {
        return maxBytes > 0;
    }

    /**
     * The largest object a verified whole-object read may put into the cache: a quarter of the
     * cache, so one object never displaces most of it.
     */
    long objectShare() {
        return maxBytes / 4;
    }
}
