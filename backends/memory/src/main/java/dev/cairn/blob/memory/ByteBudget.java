package dev.cairn.blob.memory;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.DataSize;
import dev.cairn.blob.HealthReport;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The byte cap ({@code memory.max-bytes}) over object payloads. Writers reserve before they keep
 * bytes and release on failure, overwrite or delete, so the cap holds even for writes in flight.
 * Keys and metadata are not counted: the gateway bounds them per object.
 */
final class ByteBudget {
    /** Below this much free space the store reports itself not writable. */
    private static final long MAX_HEADROOM = 1L << 20;

    private final long max;
    private final long headroom;
    private final AtomicLong used = new AtomicLong();

    ByteBudget(long max) {
        if (max <= 0) {
            throw new IllegalArgumentException("the byte cap must be positive");
        }
        this.max = max;
        this.headroom = Math.max(1, Math.min(MAX_HEADROOM, max / 100));
    }

    /**
     * Takes {@code n} bytes from the budget.
     *
     * @throws BlobStoreException {@link BlobError#INSUFFICIENT_STORAGE} when they do not fit
     */
    void reserve(long n, BlobKey key) {
        long current;
        do {
            current = used.get();
            if (n > max - current) {
                throw new BlobStoreException(BlobError.INSUFFICIENT_STORAGE, MemoryBlobStore.ID, key,
                        "memory store is full: " + n + " more bytes do not fit, " + current + " of "
                                + DataSize.format(max) + " in use (memory.max-bytes); delete objects or raise memory.max-bytes");
            }
        } while (!used.compareAndSet(current, current + n));
    }

    void release(long n) {
        used.addAndGet(-n);
    }

    long used() {
        return used.get();
    }

    /**
     * Not writable once less than {@code min(1 MiB, 1% of the cap)} is free: a readiness probe
     * should take the store out of rotation for writes before clients see INSUFFICIENT_STORAGE.
     */
    HealthReport health() {
        long free = max - used.get();
        if (free < headroom) {
            return new HealthReport(true, false, "memory store nearly full: " + free + " bytes free of "
                    + DataSize.format(max) + " (memory.max-bytes)");
        }
        return HealthReport.ok();
    }
}
