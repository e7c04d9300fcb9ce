package dev.cairn.blob.replicated;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BlobKey;
import dev.cairn.blob.testkit.ContractSupport;
import dev.cairn.blob.testkit.faults.Faults.Operation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * One replica of three answers 200 ms late: with a 30 ms hedge delay the tail stays far below
 * 200 ms; with hedging off the same workload's p99 is at least 200 ms, which proves the first
 * assertion can fail. Bounds are generous (the machine is small and shared); precise figures are
 * in HedgedReadBenchmark.
 */
class SlowReplicaTest {
    private static final int READS = 200;
    private static final int CALLERS = 4;
    private static final Duration SLOW = Duration.ofMillis(200);

    @Test
    void hedgingKeepsTheTailFarBelowTheSlowReplica() throws Exception {
        long p99 = p99Millis(Duration.ofMillis(30));
        assertTrue(p99 < 150, "p99 " + p99 + " ms with hedging after 30 ms");
    }

    @Test
    void withoutHedgingTheTailIsTheSlowReplica() throws Exception {
        long p99 = p99Millis(Duration.ofSeconds(10));
        assertTrue(p99 >= SLOW.toMillis(), "p99 " + p99 + " ms without hedging");
    }

    private static long p99Millis(Duration delay) throws Exception {
        // budget 1: every read may send one hedge (the default 0.1 would hedge one read in ten)
        try (HedgeFixture f = new HedgeFixture(3, HedgeFixture.hedgeAfter(delay, 1.0), 1)) {
            BlobKey key = new BlobKey(HedgeFixture.BUCKET, "slow");
            byte[] data = ContractSupport.randomBytes(16 * 1024, 7);
            f.putEverywhere(key, data);
            f.faults.get(0).latency(SLOW, Duration.ZERO).only(Operation.READ);
            ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
            try {
                List<Future<Long>> timings = new ArrayList<>();
                for (int i = 0; i < READS; i++) {
                    timings.add(callers.submit(() -> {
                        long start = System.nanoTime();
                        assertArrayEquals(data, f.readWhole(key));
                        return System.nanoTime() - start;
                    }));
                }
                long[] nanos = new long[READS];
                for (int i = 0; i < READS; i++) {
                    nanos[i] = timings.get(i).get();
                }
                Arrays.sort(nanos);
                long p50 = nanos[READS / 2] / 1_000_000;
                long p99 = nanos[(int) Math.ceil(READS * 0.99) - 1] / 1_000_000;
                System.out.printf("SlowReplicaTest delay=%s: p50 %d ms, p99 %d ms, hedge_won %.0f, primary_won %.0f%n", delay, p50, p99,
                        f.hedges("hedge_won"), f.hedges("primary_won"));
                return p99;
            } finally {
                callers.shutdownNow();
            }
        }
    }
}
