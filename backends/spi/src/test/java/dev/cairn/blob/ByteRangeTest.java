package dev.cairn.blob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ByteRangeTest {
    private static final BlobKey K = new BlobKey("b", "k");

    private static ByteRange.Resolved r(ByteRange range, long size) {
        return range.resolve(size, "t", K);
    }

    private static void unsatisfiable(ByteRange range, long size) {
        BlobStoreException e = assertThrows(BlobStoreException.class, () -> r(range, size));
        assertEquals(BlobError.INVALID_RANGE, e.error());
    }

    @Test
    void closedRangeInsideAndClipped() {
        assertEquals(new ByteRange.Resolved(2, 3, 10), r(new ByteRange.Closed(2, 4), 10));
        assertEquals(new ByteRange.Resolved(5, 5, 10), r(new ByteRange.Closed(5, 100), 10));
        assertEquals(new ByteRange.Resolved(9, 1, 10), r(new ByteRange.Closed(9, 9), 10));
        unsatisfiable(new ByteRange.Closed(10, 12), 10);
        unsatisfiable(new ByteRange.Closed(0, 0), 0);
    }

    @Test
    void openRange() {
        assertEquals(new ByteRange.Resolved(3, 7, 10), r(new ByteRange.From(3), 10));
        assertEquals(new ByteRange.Resolved(0, 10, 10), r(new ByteRange.From(0), 10));
        unsatisfiable(new ByteRange.From(10), 10);
    }

    @Test
    void suffixRange() {
        assertEquals(new ByteRange.Resolved(7, 3, 10), r(new ByteRange.Suffix(3), 10));
        assertEquals(new ByteRange.Resolved(0, 10, 10), r(new ByteRange.Suffix(50), 10));
        unsatisfiable(new ByteRange.Suffix(0), 10);
        unsatisfiable(new ByteRange.Suffix(5), 0);
    }

    @Test
    void malformedRangesAreRejectedAtConstruction() {
        assertThrows(IllegalArgumentException.class, () -> new ByteRange.Closed(5, 4));
        assertThrows(IllegalArgumentException.class, () -> new ByteRange.Closed(-1, 4));
        assertThrows(IllegalArgumentException.class, () -> new ByteRange.From(-1));
        assertThrows(IllegalArgumentException.class, () -> new ByteRange.Suffix(-1));
    }
}
