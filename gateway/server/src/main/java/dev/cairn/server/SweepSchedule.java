package dev.cairn.server;

import dev.cairn.blob.BlobStore;
import dev.cairn.blob.SupportsMultipart;
import dev.cairn.server.config.CairnConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs {@link MultipartSweeper} every {@code s3.multipart-sweep-interval} on one daemon thread. */
final class SweepSchedule {
    private static final Logger LOG = LoggerFactory.getLogger(SweepSchedule.class);
    /** Not at once: a freshly started node first serves, and a restart loop does not sweep in a loop. */
    static final Duration FIRST_DELAY = Duration.ofMinutes(1);
    /** How long close() waits for a sweep in progress to notice the interrupt. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private SweepSchedule() {
    }

    /**
     * Schedules sweeps over {@code store}.
     *
     * @return the executor to hand to {@link #stop}, or null when the store has no multipart support
     *     or {@code s3.multipart-max-age} is 0
     */
    static ScheduledExecutorService start(BlobStore store, CairnConfig.S3 s3, Clock clock) {
        if (!(store instanceof SupportsMultipart)) {
            return null;
        }
        if (!s3.sweepsMultipart()) {
            LOG.info("multipart sweeper disabled (s3.multipart-max-age=0)");
            return null;
        }
        MultipartSweeper sweeper = new MultipartSweeper(store, clock, s3.multipartMaxAge());
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cairn-multipart-sweeper");
            t.setDaemon(true);
            return t;
        });
        long interval = s3.multipartSweepInterval().toMillis();
        executor.scheduleWithFixedDelay(() -> {
            try {
                sweeper.sweep();
            } catch (RuntimeException e) {
                // a task that throws is never run again: log and keep the schedule alive
                LOG.warn("multipart sweep failed", e);
            }
        }, Math.min(FIRST_DELAY.toMillis(), interval), interval, TimeUnit.MILLISECONDS);
        return executor;
    }

    /** Interrupts a sweep in progress and waits briefly for it to end; null is ignored. */
    static void stop(ScheduledExecutorService executor) {
        if (executor == null) {
            return;
        }
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("multipart sweeper did not stop within {} s; closing the store anyway", STOP_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
