package dev.cairn.blob.replicated;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HedgeBudgetTest {

    @Test
    void aColdStartMayHedgeUpToTheBucketThenOnlyItsShare() {
        HedgeBudget b = new HedgeBudget(0.1);
        int hedges = 0;
        for (int i = 0; i < 1000; i++) {
            b.recordFirst();
            hedges += b.tryHedge() ? 1 : 0;
        }
        // a full bucket of 10, then one hedge per 10 first requests
        assertTrue(hedges <= 0.1 * 1000 + 10, hedges + " hedges");
        assertTrue(hedges >= 0.1 * 1000, hedges + " hedges");
    }

    @Test
    void anEmptyBucketRefillsFromFirstRequests() {
        HedgeBudget b = new HedgeBudget(0.25);
        while (b.tryHedge()) {
            // drain the initial bucket
        }
        for (int i = 0; i < 3; i++) {
            b.recordFirst();
            assertFalse(b.tryHedge());
        }
        b.recordFirst();
        assertTrue(b.tryHedge());
    }

    @Test
    void aTinyBudgetStillHasTheFloorOfOneHedge() {
        HedgeBudget b = new HedgeBudget(0.001);
        b.recordFirst();
        assertTrue(b.tryHedge());
        b.recordFirst();
        assertFalse(b.tryHedge());
    }

    @Test
    void aZeroBudgetNeverHedges() {
        HedgeBudget b = new HedgeBudget(0);
        for (int i = 0; i < 100; i++) {
            b.recordFirst();
            assertFalse(b.tryHedge());
        }
    }

    @Test
    void aBudgetOutsideZeroToOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new HedgeBudget(1.5));
        assertThrows(IllegalArgumentException.class, () -> new HedgeBudget(Double.NaN));
    }
}
