package dev.cairn.blob.replicated;

import static dev.cairn.blob.replicated.HedgeFixture.hedgeAfter;
import static dev.cairn.blob.testkit.ContractSupport.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.testkit.faults.Faults;
import dev.cairn.blob.testkit.faults.Faults.Operation;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The latency-aware order through {@link HedgedReads} over real memory replicas: a slow or failing
 * replica is moved behind the others and comes back first once it is healthy again. Which replica
 * was asked is read from the {@link Faults} call counters.
 */
class HedgeOrderReadsTest {
    private static final BlobKey KEY = new BlobKey(HedgeFixture.BUCKET, "k");
    private static final byte[] DATA = utf8("hello, replicas");
    private static final HedgeSettings DEFAULTS = hedgeAfter(Duration.ofMillis(30), HedgeSettings.DEFAULT_BUDGET);
    /** Consecutive reads that must all ask replica 0 before it counts as first again. */
    private static final int RUN = 10;

    @Test
    void aSlowReplicaIsAskedBehindTheOthersAndFirstAgainOnceItIsFast() {
        try (HedgeFixture f = new HedgeFixture(3, DEFAULTS, 1)) {
            f.putEverywhere(KEY, DATA);
            Faults slow = f.faults.get(0).latency(Duration.ofMillis(200), Duration.ZERO).only(Operation.READ);
            assertArrayEquals(DATA, f.readWhole(KEY)); // hedged after 30 ms: replica 0 is demoted
            long before = slow.calls(Operation.READ);
            long second = f.faults.get(1).calls(Operation.READ);
            for (int i = 0; i < 50; i++) {
                assertArrayEquals(DATA, f.readWhole(KEY));
            }
            assertTrue(slow.calls(Operation.READ) - before <= 1, "the slow replica was asked first (one probe allowed)");
            assertEquals(second + 50, f.faults.get(1).calls(Operation.READ));
            // the slow calls end (as losers) and their 200 ms join the estimate before replica 0 heals
            HedgedReadsTest.eventually(() -> f.reads.discardedLosers() >= slow.calls(Operation.READ));

            slow.clear();
            // one probe in 100 reads; seven fast probes bring a 200 ms estimate below the 30 ms delay
            int reads = readsUntilAskedFirst(f, 0, 2_000);
            System.out.println("HedgeOrderReadsTest: replica 0 first again after " + reads + " reads");
        }
    }

    @Test
    void aFailingReplicaIsDemotedAndRestoredOnceItAnswers() {
        try (HedgeFixture f = new HedgeFixture(3, DEFAULTS, 1)) {
            f.putEverywhere(KEY, DATA);
            Faults failing = f.faults.get(0).errors(1.0, BlobError.UNAVAILABLE).only(Operation.READ);
            // a little latency on the healthy replica, so the probe at read 100 fails while it is busy
            f.faults.get(1).latency(Duration.ofMillis(5), Duration.ZERO).only(Operation.READ);
            for (int i = 0; i < 150; i++) {
                assertArrayEquals(DATA, f.readWhole(KEY));
            }
            // only the first read failed over; the probe at read 100 ran alongside and failed quietly
            assertEquals(1, f.hedges("failover"));
            assertEquals(2, failing.calls(Operation.READ));

            failing.clear();
            int reads = readsUntilAskedFirst(f, 0, 300);
            System.out.println("HedgeOrderReadsTest: failing replica 0 first again after " + reads + " reads");
        }
    }

    @Test
    void theConfiguredOrderFailsOverOnEveryRead() {
        // the contrast that proves the failover count above is the order's doing
        try (HedgeFixture f = new HedgeFixture(3, DEFAULTS, 1, false)) {
            f.putEverywhere(KEY, DATA);
            f.faults.get(0).errors(1.0, BlobError.UNAVAILABLE).only(Operation.READ);
            for (int i = 0; i < 20; i++) {
                assertArrayEquals(DATA, f.readWhole(KEY));
            }
            assertEquals(20, f.hedges("failover"));
        }
    }

    @Test
    void statAndListingsKeepTheirOwnEstimates() {
        try (HedgeFixture f = new HedgeFixture(2, DEFAULTS, 1)) {
            f.putEverywhere(KEY, DATA);
            f.faults.get(0).latency(Duration.ofMillis(200), Duration.ZERO).only(Operation.READ);
            f.readWhole(KEY);
            long stats = f.faults.get(0).calls(Operation.STAT);
            for (int i = 0; i < 5; i++) {
                f.reads.stat(KEY);
            }
            // slow reads on replica 0 say nothing about its stats, which stay first there
            assertEquals(stats + 5, f.faults.get(0).calls(Operation.STAT));
        }
    }

    /**
     * Reads until {@value #RUN} reads in a row all asked {@code replica} (so it was first in each),
     * and returns how many reads that took.
     *
     * @throws AssertionError when that does not happen within {@code limit} reads
     */
    private static int readsUntilAskedFirst(HedgeFixture f, int replica, int limit) {
        Faults faults = f.faults.get(replica);
        int run = 0;
        for (int reads = 1; reads <= limit; reads++) {
            long before = faults.calls(Operation.READ);
            assertArrayEquals(DATA, f.readWhole(KEY));
            run = faults.calls(Operation.READ) > before ? run + 1 : 0;
            if (run == RUN) {
                return reads;
            }
        }
        throw new AssertionError("replica " + replica + " was not asked first " + RUN + " reads in a row within " + limit + " reads");
    }
}
