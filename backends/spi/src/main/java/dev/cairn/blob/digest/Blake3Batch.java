package dev.cairn.blob.digest;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * A run of whole chunks split into aligned subtrees ("pieces") whose chaining values are
 * independent, hashed by the calling thread together with whichever helpers show up.
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
    private final int count;
    private final int[] offsets;
    private final long[] starts;
    private final int[] log2s;
    private final int[] cvs;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger pending;
    private final Thread owner = Thread.currentThread();
    private volatile Throwable failure;

    /**
     * Splits {@code chunks} whole chunks of {@code in} at {@code off}, the first being chunk
     * {@code counter}, into aligned power-of-two pieces of at most about
     * {@code chunks / (4 * workers)} chunks, so that every worker gets several pieces.
     */
    Blake3Batch(byte[] in, int off, int chunks, long counter, int workers) {
        this.in = in;
        int cap = Integer.highestOneBit(Math.max(1, chunks / (4 * workers)));
        int max = chunks / cap + 2 * 64;
        int[] o = new int[max];
        long[] s = new long[max];
        int[] l = new int[max];
        int n = 0;
        long c = counter;
        int left = chunks;
        while (left > 0) {
            long size = Math.min(cap, Integer.highestOneBit(left));
            if (c != 0) {
                size = Math.min(size, Long.lowestOneBit(c));
            }
            o[n] = off;
            s[n] = c;
            l[n] = Long.numberOfTrailingZeros(size);
            n++;
            off += (int) size * Blake3Compressor.CHUNK_LEN;
            c += size;
            left -= (int) size;
        }
        this.count = n;
        this.offsets = o;
        this.starts = s;
        this.log2s = l;
        this.cvs = new int[n * 8];
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
        // A helper's last piece is a few microseconds away: spin briefly before paying for park/unpark.
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
            tree.push(cvs, i * 8, starts[i], log2s[i]);
        }
    }

    private int hashClaimed() {
        int done = 0;
        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
            try {
                Blake3Tree.subtreeCv(in, offsets[i], starts[i], log2s[i], cvs, i * 8);
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
