package dev.cairn.blob.replicated;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads of a replica set: the pool the fan-out writes run on, the repair workers (each with
 * its own pacer), the anti-entropy scan and the reachability probe. {@link #close} stops them
 * with a bounded wait.
 */
final class Background implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Background.class);
    static final Duration PROBE_INTERVAL = Duration.ofSeconds(5);
    private static final long STOP_WAIT_MILLIS = 2_000;
    /** A task whose target cannot be reached is tried again after 0.5 s, 1 s, 2 s … at most a minute apart. */
    static final Duration RETRY_BASE = Duration.ofMillis(500);
    static final Duration RETRY_MAX = Duration.ofMinutes(1);
    /** After this many tries (about an hour) the task is dropped; the scan finds the difference again. */
    static final int MAX_RETRIES = 64;

    private final ExecutorService writes = Executors.newCachedThreadPool(daemon("cairn-replica-call"));
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2, daemon("cairn-replica-scan"));
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running;
    private volatile boolean closed;

    ExecutorService writes() {
        return writes;
    }

    boolean running() {
        return running && !closed;
    }

    boolean closed() {
        return closed;
    }

    /**
     * Starts {@code count} repair workers pacing at {@code bytesPerSecond} each, the scan every
     * {@code scanInterval} (none for zero) and the probe, and returns once the workers run.
     */
    void start(RepairQueue queue, Repairer repairer, int count, long bytesPerSecond, AntiEntropyScan scan, Duration scanInterval,
            Runnable probe) {
        CountDownLatch started = new CountDownLatch(count);
        for (int n = 0; n < count; n++) {
            TokenBucket pacer = new TokenBucket(bytesPerSecond, TokenBucket.burstFor(bytesPerSecond));
            Thread t = new Thread(() -> work(queue, repairer, pacer, started), "cairn-repair-" + n);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
        try {
            started.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long probeMillis = scanInterval.isZero() ? PROBE_INTERVAL.toMillis() : Math.min(PROBE_INTERVAL.toMillis(), scanInterval.toMillis());
        timers.scheduleWithFixedDelay(probe, probeMillis, probeMillis, TimeUnit.MILLISECONDS);
        if (!scanInterval.isZero()) {
            timers.scheduleWithFixedDelay(scan::runOnce, scanInterval.toMillis(), scanInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
        running = true;
    }

    private void work(RepairQueue queue, Repairer repairer, TokenBucket pacer, CountDownLatch started) {
        started.countDown();
        while (!closed) {
            RepairTask task;
            try {
                task = queue.take(100);
            } catch (InterruptedException e) {
                return;
            }
            if (task == null) {
                continue;
            }
            Repairer.Outcome outcome = Repairer.Outcome.DONE;
            try {
                outcome = repairer.repair(task, pacer);
            } catch (RuntimeException e) {
                LOG.warn("repair of {} on replica {} failed: {}", task.key() == null ? task.bucket() : task.bucket() + "/" + task.key(),
                        task.replica(), e.getMessage());
            } finally {
                if (outcome == Repairer.Outcome.RETRY && task.attempt() < MAX_RETRIES && !closed) {
                    retryLater(queue, task);
                } else {
                    queue.done(task);
                }
            }
        }
    }

    /** Backs off exponentially from {@link #RETRY_BASE}, up to {@link #RETRY_MAX}, then gives the task back. */
    private void retryLater(RepairQueue queue, RepairTask task) {
        long delay = Math.min(RETRY_MAX.toMillis(), RETRY_BASE.toMillis() << Math.min(task.attempt(), 10));
        try {
            timers.schedule(() -> queue.requeue(task.retried()), delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            queue.done(task); // closing
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        running = false;
        timers.shutdownNow();
        long deadline = System.currentTimeMillis() + STOP_WAIT_MILLIS;
        for (Thread t : workers) {
            joinUntil(t, deadline);
        }
        // a worker still copying after the wait is interrupted: its copy fails and publishes nothing
        workers.forEach(Thread::interrupt);
        for (Thread t : workers) {
            joinUntil(t, System.currentTimeMillis() + STOP_WAIT_MILLIS);
        }
        writes.shutdown();
        try {
            writes.awaitTermination(STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writes.shutdownNow();
    }

    private static void joinUntil(Thread t, long deadlineMillis) {
        long wait = deadlineMillis - System.currentTimeMillis();
        if (wait <= 0) {
            return;
        }
        try {
            t.join(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
