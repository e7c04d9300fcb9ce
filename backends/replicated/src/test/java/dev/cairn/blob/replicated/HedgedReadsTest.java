package dev.cairn.blob.replicated;

import static dev.cairn.blob.replicated.HedgeFixture.hedgeAfter;
import static dev.cairn.blob.testkit.ContractSupport.assertBlobError;
import static dev.cairn.blob.testkit.ContractSupport.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.ByteRange;
import dev.cairn.blob.ListRequest;
import dev.cairn.blob.ObjectReader;
import dev.cairn.blob.ReadConditions;
import dev.cairn.blob.ReadOptions;
import dev.cairn.blob.testkit.ContractSupport;
import dev.cairn.blob.testkit.faults.Faults.Operation;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** {@link HedgedReads} over real memory replicas with injected faults. Time bounds are generous on purpose. */
class HedgedReadsTest {
    private static final BlobKey KEY = new BlobKey(HedgeFixture.BUCKET, "k");
    private static final byte[] DATA = utf8("hello, replicas");
    private static final Duration NEVER = Duration.ofSeconds(10);

    @Test
    void aHedgeIsSentOnceTheDelayHasPassedAndWins() {
        try (HedgeFixture f = new HedgeFixture(2, hedgeAfter(Duration.ofMillis(100), 1.0), 1)) {
            f.putEverywhere(KEY, DATA);
            f.faults.get(0).latency(Duration.ofSeconds(2), Duration.ZERO);
            long start = System.nanoTime();
            assertEquals(DATA.length, f.reads.stat(KEY).size());
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis >= 100, "answered after " + millis + " ms: the hedge went out before the delay");
            assertTrue(millis < 1500, "answered after " + millis + " ms: the hedge did not help");
            assertEquals(1, f.faults.get(1).calls(Operation.STAT));
            assertEquals(1, f.hedges("hedge_won"));
        }
    }

    @Test
    void noHedgeIsSentWhileThePrimaryAnswersWithinTheDelay() {
        try (HedgeFixture f = new HedgeFixture(3, hedgeAfter(Duration.ofSeconds(1), 1.0), 1)) {
            f.putEverywhere(KEY, DATA);
            f.faults.get(0).latency(Duration.ofMillis(50), Duration.ZERO);
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(DATA, f.readWhole(KEY));
            }
            assertEquals(0, f.faults.get(1).calls(Operation.READ) + f.faults.get(2).calls(Operation.READ));
            assertEquals(0, f.hedges("hedge_won") + f.hedges("primary_won"));
        }
    }

    @Test
    void theFirstSuccessWinsAndTheLosersReadersAreClosed() throws Exception {
        // verify buffer 0: the reads stream, so the winner's replica reader stays open until closed
        try (HedgeFixture f = new HedgeFixture(3, new HedgeSettings(Duration.ZERO, 1.0, 0), 1)) {
            f.putEverywhere(KEY, DATA);
            try (ObjectReader r = f.reads.read(KEY, ReadOptions.WHOLE)) {
                assertArrayEquals(DATA, r.stream().readAllBytes());
                // every replica was asked at once; only the winner's reader may stay open
                eventually(() -> openReaders(f) == 1 && f.reads.discardedLosers() == 2);
            }
            assertEquals(0, openReaders(f));
            assertEquals(1, f.hedges("hedge_won") + f.hedges("primary_won"));
        }
    }

    @Test
    void aSlowPrimarysLateReaderIsClosedWhenItArrives() {
        // verify buffer 0: the late reader is handed over open, as a streaming read's would be
        try (HedgeFixture f = new HedgeFixture(2, new HedgeSettings(Duration.ofMillis(20), 1.0, 0), 1)) {
            f.putEverywhere(KEY, DATA);
            f.faults.get(0).latency(Duration.ofMillis(300), Duration.ZERO);
            assertArrayEquals(DATA, f.readWhole(KEY));
            eventually(() -> f.faults.get(0).calls(Operation.READ) == 1 && f.reads.discardedLosers() == 1);
            eventually(() -> openReaders(f) == 0);
        }
    }

    @Test
    void aRetryableErrorFailsOverAtOnceWithoutSpendingBudget() {
        try (HedgeFixture f = new HedgeFixture(3, hedgeAfter(NEVER, 0), 1)) {
            f.putEverywhere(KEY, DATA);
            f.faults.get(0).errors(1.0, BlobError.THROTTLED);
            long start = System.nanoTime();
            assertArrayEquals(DATA, f.readWhole(KEY));
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos(), "failover waited for the hedge delay");
            assertEquals(1, f.hedges("failover"));
            assertEquals(0, f.faults.get(2).calls(Operation.READ));
        }
    }

    @Test
    void aFinalErrorEndsTheReadWithoutAskingOthers() {
        try (HedgeFixture f = new HedgeFixture(3, hedgeAfter(NEVER, 1.0), 1)) {
            f.putEverywhere(KEY, DATA);
            assertBlobError(BlobError.INVALID_RANGE, () -> f.reads.read(KEY, ReadOptions.range(new ByteRange.From(1000))));
            ReadOptions ifMatch = new ReadOptions(null, new ReadConditions(List.of("\"nope\""), null, null, null));
            assertBlobError(BlobError.PRECONDITION_FAILED, () -> f.reads.read(KEY, ifMatch));
            assertEquals(0, f.faults.get(1).calls(Operation.READ));
        }
    }

    @Test
    void absentIsTheAnswerAtOnceWithAnAbsentQuorumOfOne() {
        try (HedgeFixture f = new HedgeFixture(3, hedgeAfter(NEVER, 1.0), 1)) {
            ContractSupport.put(f.raw.get(1), KEY, DATA); // only replica 1 has it
            assertBlobError(BlobError.NO_SUCH_KEY, () -> f.reads.stat(KEY));
            assertEquals(0, f.faults.get(1).calls(Operation.STAT));
            assertTrue(f.repairs.isEmpty());
        }
    }

    @Test
    void absentNeedsTwoAnswersWithAnAbsentQuorumOfTwo() {
        try (HedgeFixture f = new HedgeFixture(3, hedgeAfter(NEVER, 1.0), 2)) {
            ContractSupport.put(f.raw.get(2), KEY, DATA);
            assertBlobError(BlobError.NO_SUCH_KEY, () -> f.reads.stat(KEY));
            assertEquals(1, f.faults.get(1).calls(Operation.STAT));
            assertEquals(0, f.faults.get(2).calls(Operation.STAT));
        }
    }

    @Test
    void aReplicaThatSaidAbsentIsRepairedWhenAnotherHadTheKey() {
        try (HedgeFixture f = new HedgeFixture(3, hedgeAfter(NEVER, 1.0), 2)) {
            ContractSupport.put(f.raw.get(1), KEY, DATA);
            assertArrayEquals(DATA, f.readWhole(KEY));
            assertEquals(List.of(new HedgeFixture.Repair(KEY, 0, RepairSink.Reason.MISSING)), f.repairs);
        }
    }

    @Test
    void anEmptyBudgetStopsHedgingAndIsCounted() {
        // budget 0.01: a bucket of one token, which the first slow read spends; configured order,
        // or the second read would go to the fast replica first and never need a hedge
        try (HedgeFixture f = new HedgeFixture(2, hedgeAfter(Duration.ofMillis(20), 0.01), 1, false)) {
            f.putEverywhere(KEY, DATA);
            f.faults.get(0).latency(Duration.ofMillis(300), Duration.ZERO);
            f.reads.stat(KEY);
            assertEquals(1, f.hedges("hedge_won"));
            long start = System.nanoTime();
            f.reads.stat(KEY);
            assertTrue(System.nanoTime() - start >= Duration.ofMillis(300).toNanos(), "the second read was hedged");
            assertEquals(1, f.hedges("budget_exhausted"));
            assertEquals(1, f.faults.get(1).calls(Operation.STAT));
        }
    }

    @Test
    void aZeroBudgetNeverHedges() {
        try (HedgeFixture f = new HedgeFixture(2, hedgeAfter(Duration.ofMillis(10), 0), 1)) {
            f.putEverywhere(KEY, DATA);
            f.faults.get(0).latency(Duration.ofMillis(100), Duration.ZERO);
            f.reads.stat(KEY);
            assertEquals(0, f.faults.get(1).calls(Operation.STAT));
            assertEquals(1, f.hedges("budget_exhausted"));
        }
    }

    @Test
    void whenEveryReplicaFailsTheLastRetryableErrorIsThrown() {
        try (HedgeFixture f = new HedgeFixture(3, hedgeAfter(NEVER, 1.0), 1)) {
            f.putEverywhere(KEY, DATA);
            f.faults.get(0).down(true);
            f.faults.get(1).errors(1.0, BlobError.UNAVAILABLE);
            f.faults.get(2).errors(1.0, BlobError.THROTTLED);
            assertBlobError(BlobError.THROTTLED, () -> f.reads.read(KEY, ReadOptions.WHOLE));
            assertEquals(2, f.hedges("failover"));
        }
    }

    @Test
    void aRetryableErrorOutranksAbsentBelowTheQuorum() {
        // one replica said absent, the other could not answer: a 404 would not be safe
        try (HedgeFixture f = new HedgeFixture(2, hedgeAfter(NEVER, 1.0), 2)) {
            f.faults.get(1).down(true);
            assertBlobError(BlobError.UNAVAILABLE, () -> f.reads.stat(KEY));
        }
    }

    @Test
    void listingAndBucketCallsAreHedgedToo() {
        // configured order: each call must hedge, not learn from the last one that replica 0 is slow
        try (HedgeFixture f = new HedgeFixture(2, hedgeAfter(Duration.ofMillis(20), 1.0), 1, false)) {
            f.putEverywhere(KEY, DATA);
            f.faults.get(0).latency(Duration.ofSeconds(2), Duration.ZERO);
            long start = System.nanoTime();
            assertEquals(List.of("k"), ContractSupport.keys(f.reads.list(ListRequest.all(HedgeFixture.BUCKET))));
            assertTrue(f.reads.bucketExists(HedgeFixture.BUCKET));
            assertEquals(1, f.reads.listBuckets().size());
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(2).toNanos(), "a bucket call waited for the slow replica");
            assertEquals(3, f.hedges("hedge_won"));
        }
    }

    @Test
    void aClosedReadSideAnswersUnavailable() {
        HedgeFixture f = new HedgeFixture(1, HedgeSettings.defaults(), 1);
        f.close();
        assertBlobError(BlobError.UNAVAILABLE, () -> f.reads.stat(KEY));
    }

    static long openReaders(HedgeFixture f) {
        return f.faults.stream().mapToLong(x -> x.openReaders()).sum();
    }

    static void eventually(BooleanSupplier condition) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 10 s");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
