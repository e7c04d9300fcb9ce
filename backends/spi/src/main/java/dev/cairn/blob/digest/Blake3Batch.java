package dev.cairn.blob.digest;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * A run of whole chunks split into consecutive pieces, hashed by the calling thread together with
 * whichever helpers show up. Each piece's chunks go through {@link Blake3ManyCompressor} (SIMD
 * lanes) and are reduced to its aligned subtrees ({@link Blake3Tree#mergeRun}) by whoever hashes
 * it; the owner then pushes the pieces into the tree in order.
 *
 * <p>Pieces are claimed one at a time from a shared index, so a helper only ever takes work that
 * is still queued. The owner claims pieces too, from the start, and only after the index is
 * exhausted waits, and then only for pieces a helper is already hashing (at most one piece per
 * helper). A helper that never gets a core therefore costs nothing: the owner does its share.
 */
final class Blake3Batch implements Runnable {
    /** Batches offered to at least one helper (tests use it to prove the parallel path runs). */
    static final LongAdder OFFERED = new LongAdder();
    /** Pieces hashed by helper threads rather than their owner. */
    static final LongAdder HELPED = new LongAdder();

    private final byte[] in;
    private final int off;
    private final long counter;
    private final int count;
    /** Chunk index (within the batch) where piece i starts; one more entry for the end. */
    private final int[] firsts;
    private final int[] cvs;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger pending;
    private final Thread owner = Thread.currentThread();
    private volatile Throwable failure;

    /**
     * Splits {@code chunks} whole chunks of {@code in} at {@code off}, the first being chunk
     * {@code counter}, into pieces of a power-of-two size P ({@link Blake3ManyCompressor#LANES}
     * chunks, or less so that each of several {@code workers} gets one), cut at chunk numbers that
     * are multiples of P so that a piece is one aligned subtree wherever the run allows it.
     */
    Blake3Batch(byte[] in, int off, int chunks, long counter, int workers) {
        this.in = in;
        this.off = off;
        this.counter = counter;
        // Alone, fill the lanes; shared, rather a piece too many than one worker left idle.
        int size = workers == 1 ? Blake3ManyCompressor.LANES
                : Math.min(Blake3ManyCompressor.LANES, Integer.highestOneBit((chunks + workers - 1) / workers));
        int[] f = new int[chunks / size + 3];
        int n = 0;
        for (int first = 0; first < chunks; n++) {
            f[n] = first;
            long end = ((counter + first) / size + 1) * size;
            first = (int) Math.min(chunks, end - counter);
        }
        f[n] = chunks;
        this.count = n;
        this.firsts = f;
        this.cvs = new int[chunks * 8];
        this.pending = new AtomicInteger(n);
    }

    int pieces() {
        return count;
    }

    /** Helper entry: hashes pieces until none is left unclaimed. */
    @Override
    public void run() {
        int done = hashClaimed();
        if (done > 0) {
            HELPED.add(done);
        }
    }

    /**
     * Owner entry: hashes pieces alongside the helpers, waits for the ones still in a helper's
     * hands, then pushes every piece into {@code tree} in order.
     *
     * @throws IllegalStateException if a helper failed (a bug, or an Error such as OOM on its thread)
     */
    void hashInto(Blake3Tree tree) {
        hashClaimed();
        // A helper's last piece is usually microseconds away: spin briefly before paying for park/unpark.
        for (int spins = 0; spins < 1024 && pending.get() != 0; spins++) {
            Thread.onSpinWait();
        }
        while (pending.get() != 0) {
            LockSupport.park(this);
        }
        Throwable f = failure;
        if (f != null) {
            throw new IllegalStateException("a BLAKE3 helper thread failed", f);
        }
        for (int i = 0; i < count; i++) {
            tree.pushRun(cvs, 8 * firsts[i], counter + firsts[i], firsts[i + 1] - firsts[i]);
        }
    }

    private int hashClaimed() {
        int done = 0;
        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
            try {
                int first = firsts[i];
                int chunks = firsts[i + 1] - first;
                Blake3ManyCompressor.chunkCvs(in, off + first * Blake3Compressor.CHUNK_LEN, chunks, counter + first, cvs, 8 * first);
                Blake3Tree.mergeRun(cvs, 8 * first, counter + first, chunks);
            } catch (Throwable t) {
                failure = t;
            } finally {
                if (pending.decrementAndGet() == 0) {
                    LockSupport.unpark(owner);
                }
            }
            done++;
        }
        return done;
    }
}
