package dev.cairn.blob.replicated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many repairs sharing one pacer on the real clock: together they move no faster than the rate
 * allows after the burst, every byte is counted, and none of them deadlocks (each thread must
 * finish within a bounded join). Only generous bounds are asserted; the machine is shared.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TokenBucketStressTest {
    private static final int THREADS = 8;
    private static final int BYTES_PER_THREAD = 1 << 20;
    private static final long RATE = 4L << 20;

    @Test
    void threadsPacingTogetherKeepTheRateAndAllFinish() throws Exception {
        TokenBucket pacer = new TokenBucket(RATE, TokenBucket.burstFor(RATE));
        Counter moved = new SimpleMeterRegistry().counter("repair.bytes");
        AtomicInteger failures = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < THREADS; t++) {
            Thread thread = new Thread(() -> {
                // odd read sizes, so charges of many sizes interleave
                try (InputStream in = new PacedInputStream(new ByteArrayInputStream(new byte[BYTES_PER_THREAD]), pacer, moved)) {
                    byte[] buf = new byte[7_919];
                    while (in.read(buf) >= 0) {
                        // drain
                    }
                } catch (IOException e) {
                    failures.incrementAndGet();
                }
            }, "pacer-stress-" + t);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        long total = (long) THREADS * BYTES_PER_THREAD;
        double expected = (total - TokenBucket.burstFor(RATE)) / (double) RATE;
        long joinDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (Thread thread : threads) {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(joinDeadline - System.nanoTime())));
            assertTrue(!thread.isAlive(), thread.getName() + " did not finish within 60 s: deadlocked or starved");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(0, failures.get());
        assertEquals((double) total, moved.count(), "every byte counted once");
        assertTrue(seconds >= expected, "moved " + total + " bytes in " + seconds + " s, faster than the pace allows (" + expected + " s)");
        assertTrue(seconds < expected * 10, "moved " + total + " bytes in " + seconds + " s, over 10x the pace (" + expected + " s)");
    }
}
