package dev.cairn.server.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void aFullBucketGivesOneSecondOfBurstThenRefillsAtTheRate() {
        TokenBucket bucket = new TokenBucket(10, now::get);
        for (int i = 0; i < 10; i++) {
            assertTrue(bucket.tryTake(), "token " + i);
        }
        assertFalse(bucket.tryTake(), "burst spent");
        now.addAndGet(100_000_000L); // a tenth of a second: one token
        assertTrue(bucket.tryTake());
        assertFalse(bucket.tryTake());
    }

    @Test
    void anIdleBucketSavesNoMoreThanItsBurst() {
        TokenBucket bucket = new TokenBucket(5, now::get);
        now.addAndGet(3_600_000_000_000L);
        int taken = 0;
        while (bucket.tryTake()) {
            taken++;
        }
        assertEquals(5, taken);
    }

    @Test
    void aRefundedTokenCanBeTakenAgain() {
        TokenBucket bucket = new TokenBucket(2, now::get);
        assertTrue(bucket.tryTake());
        assertTrue(bucket.tryTake());
        assertFalse(bucket.tryTake());
        bucket.refund();
        assertTrue(bucket.tryTake());
        assertFalse(bucket.tryTake());
    }

    @Test
    void manyThreadsOnAFrozenClockTakeExactlyTheBurst() throws Exception {
        TokenBucket bucket = new TokenBucket(1_000, now::get);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> takers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                takers.add(pool.submit(() -> {
                    start.await();
                    int n = 0;
                    for (int i = 0; i < 1_000; i++) {
                        n += bucket.tryTake() ? 1 : 0;
                    }
                    return n;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : takers) {
                total += f.get();
            }
            assertEquals(1_000, total, "no token handed out twice, none lost");
        } finally {
            pool.shutdownNow();
        }
    }
}
