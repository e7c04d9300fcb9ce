package dev.cairn.blob.replicated;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BlobKey;
import org.junit.jupiter.api.Test;

class HedgeSuspectsTest {
    private static final BlobKey A = new BlobKey("b", "a");
    private static final BlobKey B = new BlobKey("b", "b");

    @Test
    void suspectsAreAskedLastInTheirOwnOrderAndOnlyForTheirKey() {
        HedgeSuspects s = new HedgeSuspects(10);
        s.mark(A, 0);
        s.mark(A, 2);
        assertArrayEquals(new int[] {1, 3, 0, 2}, moved(s, A, 0, 1, 2, 3));
        assertArrayEquals(new int[] {0, 1, 2, 3}, moved(s, B, 0, 1, 2, 3));
        // the order handed in (here the latency-aware one) is kept among the good copies and the suspects
        assertArrayEquals(new int[] {3, 1, 2, 0}, moved(s, A, 2, 3, 0, 1));
        s.clear(A, 0);
        assertArrayEquals(new int[] {0, 1, 3, 2}, moved(s, A, 0, 1, 2, 3));
    }

    private static int[] moved(HedgeSuspects s, BlobKey key, int... order) {
        s.moveLast(key, order);
        return order;
    }

    @Test
    void theOldestSuspectIsForgottenBeyondTheCapacity() {
        HedgeSuspects s = new HedgeSuspects(2);
        s.mark(A, 0);
        s.mark(A, 1);
        s.mark(B, 0);
        assertFalse(s.isSuspect(A, 0));
        assertTrue(s.isSuspect(A, 1));
        assertTrue(s.isSuspect(B, 0));
    }
}
