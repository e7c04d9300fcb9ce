package dev.cairn.cache;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How the chunk cache is sized and how fresh it keeps object identities.
 *
 * @param maxBytes the bound on cached chunk bytes (weigher); 0 disables the cache
 * @param chunkSize the chunk length (64 KiB by default)
 * @param metadataTtl how long an object's identity (stat) may be reused without asking the
 *     backend again; {@link Duration#ZERO} asks on every request (always fresh, one backend stat
 *     per read)
 * @param immutableBuckets buckets whose objects never change once written (the OAP bucket): their
 *     identity is never revalidated
 */
public record CacheSettings(long maxBytes, int chunkSize, Duration metadataTtl, Set<String> immutableBuckets) {
    public static final long DEFAULT_MAX_BYTES = 256L << 20;
    public static final int DEFAULT_CHUNK_SIZE = 64 << 10;

    public CacheSettings {
        Objects.requireNonNull(metadataTtl, "metadataTtl");
        immutableBuckets = Set.copyOf(immutableBuckets);
        if (maxBytes < 0) {
            throw new IllegalArgumentException("cache max bytes must not be negative");
        }
        if (chunkSize < 1024) {
            throw new IllegalArgumentException("cache chunk size must be at least 1KiB");
        }
        if (metadataTtl.isNegative()) {
            throw new IllegalArgumentException("cache metadata TTL must not be negative");
        }
    }

    public boolean enabled() {
        return maxBytes > 0;
    }
}
