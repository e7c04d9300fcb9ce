package dev.cairn.blob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadConditionsTest {
    private static final BlobKey K = new BlobKey("b", "k");
    private static final Instant MODIFIED = Instant.parse("2026-01-01T10:00:00.700Z");
    private static final Instant BEFORE = Instant.parse("2026-01-01T09:00:00Z");
    private static final Instant AFTER = Instant.parse("2026-01-01T11:00:00Z");
    private static final Instant SAME_SECOND = Instant.parse("2026-01-01T10:00:00Z");

    private static void passes(ReadConditions c) {
        c.check("etag1", MODIFIED, "t", K);
    }

    private static void fails(ReadConditions c, BlobError error) {
        BlobStoreException e = assertThrows(BlobStoreException.class, () -> c.check("etag1", MODIFIED, "t", K));
        assertEquals(error, e.error());
    }

    @Test
    void ifMatch() {
        passes(new ReadConditions(List.of("etag1"), null, null, null));
        passes(new ReadConditions(List.of("x", "etag1"), null, null, null));
        passes(new ReadConditions(List.of("*"), null, null, null));
        fails(new ReadConditions(List.of("other"), null, null, null), BlobError.PRECONDITION_FAILED);
    }

    @Test
    void ifNoneMatch() {
        passes(new ReadConditions(null, List.of("other"), null, null));
        fails(new ReadConditions(null, List.of("etag1"), null, null), BlobError.NOT_MODIFIED);
        fails(new ReadConditions(null, List.of("*"), null, null), BlobError.NOT_MODIFIED);
    }

    @Test
    void datesCompareAtSecondGranularity() {
        fails(new ReadConditions(null, null, SAME_SECOND, null), BlobError.NOT_MODIFIED);
        passes(new ReadConditions(null, null, BEFORE, null));
        fails(new ReadConditions(null, null, AFTER, null), BlobError.NOT_MODIFIED);
        passes(new ReadConditions(null, null, null, SAME_SECOND));
        fails(new ReadConditions(null, null, null, BEFORE), BlobError.PRECONDITION_FAILED);
    }

    @Test
    void ifMatchTrueOverridesIfUnmodifiedSince() {
        passes(new ReadConditions(List.of("etag1"), null, null, BEFORE));
    }

    @Test
    void ifNoneMatchFalseOverridesIfModifiedSince() {
        // INM says "different tag" so the representation is sent even if IMS says not modified
        passes(new ReadConditions(null, List.of("other"), AFTER, null));
        fails(new ReadConditions(null, List.of("etag1"), BEFORE, null), BlobError.NOT_MODIFIED);
    }

    @Test
    void preconditionFailureWinsOverNotModified() {
        fails(new ReadConditions(List.of("other"), List.of("etag1"), null, null), BlobError.PRECONDITION_FAILED);
    }
}
