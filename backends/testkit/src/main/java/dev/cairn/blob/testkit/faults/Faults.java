package dev.cairn.blob.testkit.faults;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStoreException;
import java.io.InputStream;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The faults a {@link FaultyBlobStore} injects, changeable while calls run: a test flips a replica
 * down, slows it or corrupts its reads in the middle of a workload. Thread-safe: each setter swaps
 * one immutable snapshot, and every call reads one snapshot, so a call never sees half a change.
 *
 * <p>Latency and injected errors apply to the operations chosen with {@link #only} (all by
 * default). {@link #down} fails every call. Stream faults ({@link #truncateReadsAfter},
 * {@link #flipByteAt}, {@link #flipRandomByte}) apply to the read streams opened after they were
 * set. A flipped byte's offset is in the object, so a ranged read covering it sees it too; a
 * truncation counts the bytes the stream has yielded.
 */
public final class Faults {

    /** The calls a fault can be aimed at. */
    public enum Operation {
        /** createBucket, deleteBucket, bucketExists, listBuckets. */
        BUCKET,
        STAT,
        READ,
        WRITE,
        DELETE,
        LIST,
        COPY,
        /** Every {@link dev.cairn.blob.SupportsMultipart} call. */
        MULTIPART
    }

    /** No stream fault at this position. */
    static final long NONE = -1;

    private record Snapshot(long latencyNanos, long jitterNanos, double errorRate, BlobError error, boolean down,
            long truncateAfter, long flipAt, boolean flipRandom, Set<Operation> operations) {
    }

    private static final Snapshot CLEAR = new Snapshot(0, 0, 0, BlobError.UNAVAILABLE, false, NONE, NONE, false,
            EnumSet.allOf(Operation.class));

    private final AtomicReference<Snapshot> current = new AtomicReference<>(CLEAR);
    private final Random random;
    private final Map<Operation, AtomicLong> calls = new ConcurrentHashMap<>();
    private final AtomicLong injectedErrors = new AtomicLong();
    private final AtomicLong openReaders = new AtomicLong();

    /** Faults drawing their randomness (error rate, jitter, random flips) from a fixed seed, so a failing test repeats. */
    public Faults(long seed) {
        this.random = new Random(seed);
    }

    /** Faults with seed 1. */
    public Faults() {
        this(1);
    }

    /**
     * Every chosen call first sleeps {@code fixed} plus a uniformly random share of {@code jitter}.
     *
     * @throws IllegalArgumentException if either is negative
     */
    public Faults latency(Duration fixed, Duration jitter) {
        if (fixed.isNegative() || jitter.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        return change(s -> new Snapshot(fixed.toNanos(), jitter.toNanos(), s.errorRate, s.error, s.down, s.truncateAfter,
                s.flipAt, s.flipRandom, s.operations));
    }

    /** Fails this share of chosen calls (0 to 1) with {@link BlobError#UNAVAILABLE}. */
    public Faults errors(double rate) {
        return errors(rate, BlobError.UNAVAILABLE);
    }

    /**
     * Fails this share of chosen calls (0 to 1) with {@code error}.
     *
     * @throws IllegalArgumentException if {@code rate} is outside 0..1
     */
    public Faults errors(double rate, BlobError error) {
        Objects.requireNonNull(error, "error");
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("error rate must be between 0 and 1");
        }
        return change(s -> new Snapshot(s.latencyNanos, s.jitterNanos, rate, error, s.down, s.truncateAfter, s.flipAt,
                s.flipRandom, s.operations));
    }

    /**
     * While down, every call (whatever {@link #only} says) fails with {@link BlobError#UNAVAILABLE}
     * and {@link dev.cairn.blob.BlobStore#health()} reports the store unreadable and unwritable.
     */
    public Faults down(boolean down) {
        return change(s -> new Snapshot(s.latencyNanos, s.jitterNanos, s.errorRate, s.error, down, s.truncateAfter, s.flipAt,
                s.flipRandom, s.operations));
    }

    /**
     * Read streams throw an {@link java.io.IOException} once they have yielded {@code bytes} bytes;
     * a negative value turns this off.
     */
    public Faults truncateReadsAfter(long bytes) {
        long after = bytes < 0 ? NONE : bytes;
        return change(s -> new Snapshot(s.latencyNanos, s.jitterNanos, s.errorRate, s.error, s.down, after, s.flipAt,
                s.flipRandom, s.operations));
    }

    /**
     * Read streams yield the object's byte at {@code offset} inverted (all bits flipped), as if it
     * rotted at rest; a negative value turns this off.
     */
    public Faults flipByteAt(long offset) {
        long at = offset < 0 ? NONE : offset;
        return change(s -> new Snapshot(s.latencyNanos, s.jitterNanos, s.errorRate, s.error, s.down, s.truncateAfter, at,
                false, s.operations));
    }

    /** Each read stream yields one byte, at a random position within it, inverted. */
    public Faults flipRandomByte() {
        return change(s -> new Snapshot(s.latencyNanos, s.jitterNanos, s.errorRate, s.error, s.down, s.truncateAfter, NONE,
                true, s.operations));
    }

    /** Aims latency and injected errors at these operations only (all of them until this is called). */
    public Faults only(Operation first, Operation... more) {
        EnumSet<Operation> ops = EnumSet.of(first, more);
        return change(s -> new Snapshot(s.latencyNanos, s.jitterNanos, s.errorRate, s.error, s.down, s.truncateAfter,
                s.flipAt, s.flipRandom, ops));
    }

    /** Removes every fault; the call counts stay. */
    public Faults clear() {
        current.set(CLEAR);
        return this;
    }

    /** How many calls of {@code operation} reached the faulty store (failed ones included). */
    public long calls(Operation operation) {
        AtomicLong n = calls.get(operation);
        return n == null ? 0 : n.get();
    }

    /** How many calls failed because of an injected error or {@link #down}. */
    public long injectedErrors() {
        return injectedErrors.get();
    }

    /** Readers the faulty store returned that have not been closed yet: a leak check for callers. */
    public long openReaders() {
        return openReaders.get();
    }

    /** Whether {@link #down} is set. */
    public boolean isDown() {
        return current.get().down;
    }

    private Faults change(UnaryOperator<Snapshot> update) {
        current.updateAndGet(update);
        return this;
    }

    /**
     * Counts the call and applies latency and errors to it.
     *
     * @throws BlobStoreException the injected error, naming {@code storeId} and {@code key}
     */
    void before(Operation operation, String storeId, String bucket, String key) {
        calls.computeIfAbsent(operation, o -> new AtomicLong()).incrementAndGet();
        Snapshot s = current.get();
        if (s.down) {
            throw injected(BlobError.UNAVAILABLE, storeId, bucket, key, "store is down");
        }
        if (!s.operations.contains(operation)) {
            return;
        }
        long nanos = s.latencyNanos + (s.jitterNanos > 0 ? (long) (random.nextDouble() * s.jitterNanos) : 0);
        if (nanos > 0) {
            sleep(nanos, storeId, bucket, key);
        }
        if (s.errorRate > 0 && random.nextDouble() < s.errorRate) {
            throw injected(s.error, storeId, bucket, key, "injected " + s.error);
        }
    }

    void before(Operation operation, String storeId, BlobKey key) {
        before(operation, storeId, key == null ? null : key.bucket(), key == null ? null : key.key());
    }

    void readerOpened() {
        openReaders.incrementAndGet();
    }

    void readerClosed() {
        openReaders.decrementAndGet();
    }

    /**
     * {@code stream} with the stream faults in force now.
     *
     * @param offset where in the object the stream starts
     * @param length how many bytes it will yield
     */
    InputStream wrapRead(InputStream stream, long offset, long length) {
        Snapshot s = current.get();
        long flipAt;
        if (s.flipRandom) {
            flipAt = length > 0 ? (long) (random.nextDouble() * length) : NONE;
        } else {
            // a flipped byte belongs to the object: every read covering it sees it
            flipAt = s.flipAt >= offset && s.flipAt < offset + length ? s.flipAt - offset : NONE;
        }
        if (flipAt == NONE && s.truncateAfter == NONE) {
            return stream;
        }
        return new FaultyInputStream(stream, s.truncateAfter, flipAt);
    }

    private BlobStoreException injected(BlobError error, String storeId, String bucket, String key, String message) {
        injectedErrors.incrementAndGet();
        return new BlobStoreException(error, storeId, bucket, key, message, null);
    }

    private static void sleep(long nanos, String storeId, String bucket, String key) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BlobStoreException(BlobError.UNAVAILABLE, storeId, bucket, key, "interrupted during injected latency", e);
        }
    }
}
