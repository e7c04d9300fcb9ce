package dev.cairn.blob.replicated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The repair pacer's arithmetic on a hand-driven clock, and where it waits. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TokenBucketTest {
    private static final long RATE = 1_000_000; // one unit per microsecond

    private final AtomicLong nanos = new AtomicLong();

    @Test
    void theBurstIsFreeThenEveryUnitCostsItsShareOfASecond() {
        TokenBucket bucket = new TokenBucket(RATE, 5_000, nanos::get, wait -> { });
        assertEquals(0, bucket.charge(5_000), "a full bucket hands out its burst at once");
        assertEquals(2_000_000, bucket.charge(2_000), "2000 units at 1/us: 2 ms of debt");
        assertEquals(3_000_000, bucket.charge(1_000), "debt accumulates");
        nanos.addAndGet(3_000_000);
        assertEquals(0, bucket.charge(0), "nothing charged, nothing owed");
        assertEquals(1_000, bucket.charge(1), "the debt is paid off by the clock; one more unit costs 1 us");
    }

    @Test
    void idleTimeRefillsNoFurtherThanTheBurst() {
        TokenBucket bucket = new TokenBucket(RATE, 5_000, nanos::get, wait -> { });
        bucket.charge(5_000);
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(60));
        assertEquals(0, bucket.charge(5_000));
        assertEquals(1_000, bucket.charge(1), "a minute idle buys one burst, not a minute's worth");
    }

    @Test
    void acquireSleepsOffExactlyTheDebtAndChargesNothingForNothing() throws InterruptedException {
        AtomicLong slept = new AtomicLong();
        TokenBucket bucket = new TokenBucket(RATE, 1_000, nanos::get, slept::addAndGet);
        bucket.acquire(1_000);
        bucket.acquire(0);
        bucket.acquire(-5);
        assertEquals(0, slept.get(), "within the burst no one sleeps");
        bucket.acquire(500);
        assertEquals(500_000, slept.get());
    }

    @Test
    void rejectsAZeroRateOrBurst() {
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(1, 0));
    }

    /**
     * One caller parked in its wait must not hold up the others: were the wait taken under the
     * bucket's monitor, the second charge would block until the first caller woke.
     */
    @Test
    void aCallerSleepingOffItsDebtDoesNotHoldTheBucket() throws Exception {
        CountDownLatch sleeping = new CountDownLatch(1);
        CountDownLatch wake = new CountDownLatch(1);
        AtomicLong heldWhileSleeping = new AtomicLong();
        TokenBucket[] self = new TokenBucket[1];
        self[0] = new TokenBucket(RATE, 1_000, nanos::get, wait -> {
            if (Thread.holdsLock(self[0])) {
                heldWhileSleeping.incrementAndGet();
            }
            sleeping.countDown();
            wake.await();
        });
        TokenBucket bucket = self[0];
        CompletableFuture<Void> sleeper = CompletableFuture.runAsync(() -> {
            try {
                bucket.acquire(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            assertTrue(sleeping.await(10, TimeUnit.SECONDS), "the first caller went into debt and waits");
            long owed = CompletableFuture.supplyAsync(() -> bucket.charge(1_000)).get(10, TimeUnit.SECONDS);
            assertEquals(10_000_000, owed, "the second caller charged meanwhile and owes the debt behind the first");
        } finally {
            wake.countDown();
        }
        sleeper.get(10, TimeUnit.SECONDS);
        assertEquals(0, heldWhileSleeping.get(), "the wait ran outside the bucket's monitor");
        assertFalse(sleeper.isCompletedExceptionally());
    }
}
