package dev.cairn.blob.digest;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Helper threads that BLAKE3 hashers may lend work to: one shared daemon pool of (cores - 1)
 * threads, so one hashing thread plus its helpers fill the machine and no more. Offering work
 * never blocks: the queue is short and a helper that does not fit is simply not asked, because
 * the offering thread does every piece nobody took (see {@link Blake3Batch}).
 */
final class Blake3Helpers {
    /** No helpers: every hasher works alone. */
    static final Blake3Helpers NONE = new Blake3Helpers(null, 0);

    private final ThreadPoolExecutor pool;
    private final int threads;

    private Blake3Helpers(ThreadPoolExecutor pool, int threads) {
        this.pool = pool;
        this.threads = threads;
    }

    /** The process-wide pool, sized to the cores; {@link #NONE} on a single core. */
    static Blake3Helpers shared() {
        return Shared.INSTANCE;
    }

    /** A pool of its own with {@code threads} helpers (tests use it to force real interleaving). */
    static Blake3Helpers dedicated(int threads) {
        return threads <= 0 ? NONE : new Blake3Helpers(newPool(threads), threads);
    }

    /** How many helpers there are; 0 means parallel hashing is off. */
    int threads() {
        return threads;
    }

    /**
     * Asks up to {@code wanted} helpers to run {@code work}; returns how many requests were queued.
     * Stops early when the queue already holds a request per helper: then every helper is busy
     * and the caller is better off alone.
     */
    int offer(Runnable work, int wanted) {
        int offered = 0;
        while (offered < Math.min(wanted, threads) && pool.getQueue().size() < threads) {
            try {
                pool.execute(work);
            } catch (RejectedExecutionException e) {
                break;
            }
            offered++;
        }
        return offered;
    }

    private static ThreadPoolExecutor newPool(int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(threads * 2), r -> {
                    Thread t = new Thread(r, "cairn-blake3-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        // Idle helpers go away; the next large hash starts them again.
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static final class Shared {
        static final Blake3Helpers INSTANCE = dedicated(Runtime.getRuntime().availableProcessors() - 1);
    }
}
