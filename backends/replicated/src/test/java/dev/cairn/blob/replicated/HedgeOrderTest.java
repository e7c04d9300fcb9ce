package dev.cairn.blob.replicated;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link HedgeOrder} on its own: no replicas, no clock, just the measurements it is given. */
class HedgeOrderTest {
    private static final long DELAY = TimeUnit.MILLISECONDS.toNanos(30);
    private static final long FAST = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long SLOW = TimeUnit.MILLISECONDS.toNanos(200);

    @Test
    void healthyReplicasKeepTheConfiguredOrder() {
        HedgeOrder o = new HedgeOrder(3, DELAY, true, 100);
        assertArrayEquals(new int[] {0, 1, 2}, o.order(-1));
        for (int r = 2; r >= 0; r--) {
            o.answered(r, FAST * (3 - r)); // replica 0 the slowest, still below the delay
        }
        assertArrayEquals(new int[] {0, 1, 2}, o.order(-1));
    }

    @Test
    void aReplicaSlowerThanTheDelayIsAskedBehindTheHealthyOnes() {
        HedgeOrder o = new HedgeOrder(3, DELAY, true, 100);
        o.answered(0, SLOW);
        assertTrue(o.demoted(0));
        assertArrayEquals(new int[] {1, 2, 0}, o.order(-1));
        o.answered(1, SLOW);
        assertArrayEquals(new int[] {2, 0, 1}, o.order(-1));
    }

    @Test
    void aCallStillUnansweredAtTheDelayDemotesAtOnce() {
        HedgeOrder o = new HedgeOrder(2, DELAY, true, 100);
        o.answered(0, FAST);
        o.stillWaiting(0, DELAY + 1);
        assertArrayEquals(new int[] {1, 0}, o.order(-1));
        o.stillWaiting(0, FAST); // a lower bound never lowers the estimate
        assertEquals(DELAY + 1, o.estimateNanos(0));
    }

    @Test
    void fastAnswersBringADemotedReplicaBack() {
        HedgeOrder o = new HedgeOrder(2, DELAY, true, 100);
        o.answered(0, SLOW);
        int answers = 0;
        while (o.demoted(0)) {
            o.answered(0, FAST);
            answers++;
        }
        // 1/4 weight: 200 ms decays below 30 ms in seven fast answers
        assertEquals(7, answers);
        assertArrayEquals(new int[] {0, 1}, o.order(-1));
    }

    @Test
    void aFailingReplicaIsDemotedUntilItAnswersAgain() {
        HedgeOrder o = new HedgeOrder(3, DELAY, true, 100);
        o.failed(0);
        assertArrayEquals(new int[] {1, 2, 0}, o.order(-1));
        o.answered(0, FAST);
        assertArrayEquals(new int[] {0, 1, 2}, o.order(-1));
    }

    @Test
    void whenEveryReplicaIsDemotedTheConfiguredOrderHoldsAndNothingIsProbed() {
        HedgeOrder o = new HedgeOrder(3, DELAY, true, 1);
        o.failed(0);
        o.failed(1);
        o.answered(2, SLOW);
        assertArrayEquals(new int[] {0, 1, 2}, o.order(-1));
        assertEquals(-1, o.probeDue());
    }

    @Test
    void everyNthCallProbesADemotedReplicaSecond() {
        HedgeOrder o = new HedgeOrder(4, DELAY, true, 10);
        for (int i = 1; i < 10; i++) {
            assertEquals(-1, o.probeDue(), "nothing is demoted");
        }
        o.answered(1, SLOW);
        o.failed(3);
        int[] probes = new int[4];
        for (int i = 0; i < 200; i++) {
            int p = o.probeDue();
            if (p >= 0) {
                probes[p]++;
            }
        }
        // call 10, 20, … 200 probe; the two demoted replicas take turns
        assertEquals(20, probes[1] + probes[3]);
        assertTrue(probes[1] >= 5 && probes[3] >= 5, probes[1] + " / " + probes[3]);
        assertEquals(0, probes[0] + probes[2]);
        assertArrayEquals(new int[] {0, 3, 2, 1}, o.order(3));
        assertArrayEquals(new int[] {0, 1, 2, 3}, o.order(1));
    }

    @Test
    void theConfiguredOrderIsKeptWhenNotAdaptive() {
        HedgeOrder o = new HedgeOrder(3, DELAY, false, 1);
        o.answered(0, SLOW);
        o.failed(1);
        assertArrayEquals(new int[] {0, 1, 2}, o.order(-1));
        assertEquals(-1, o.probeDue());
    }

    @Test
    void withoutAHedgeDelayOnlyFailuresDemote() {
        for (long delay : new long[] {0, HedgeRace.Plan.NEVER}) {
            HedgeOrder o = new HedgeOrder(2, delay, true, 100);
            o.answered(0, SLOW);
            o.stillWaiting(0, TimeUnit.SECONDS.toNanos(5));
            assertFalse(o.demoted(0), "latency demoted with delay " + delay);
            o.failed(0);
            assertArrayEquals(new int[] {1, 0}, o.order(-1));
        }
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new HedgeOrder(0, DELAY, true, 100));
        assertThrows(IllegalArgumentException.class, () -> new HedgeOrder(65, DELAY, true, 100));
        assertThrows(IllegalArgumentException.class, () -> new HedgeOrder(2, DELAY, true, 0));
    }
}
