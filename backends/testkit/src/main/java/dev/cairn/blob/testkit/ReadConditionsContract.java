package dev.cairn.blob.testkit;

import static dev.cairn.blob.testkit.ContractSupport.assertBlobError;
import static dev.cairn.blob.testkit.ContractSupport.put;
import static dev.cairn.blob.testkit.ContractSupport.readAll;
import static dev.cairn.blob.testkit.ContractSupport.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.ByteRange;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectReader;
import dev.cairn.blob.ReadConditions;
import dev.cairn.blob.ReadOptions;
import dev.cairn.blob.WriteOptions;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Read preconditions, evaluated against the version read, with RFC 9110 / S3 precedence (see
 * {@link ReadConditions}): If-Match decides and If-Unmodified-Since is ignored when If-Match is
 * present; If-None-Match decides and If-Modified-Since is ignored when If-None-Match is present;
 * a failed If-Match (412) wins over a matching If-None-Match (304); dates compare at second
 * granularity, as HTTP dates carry whole seconds; conditions are evaluated before the range.
 */
public interface ReadConditionsContract extends StoreFixture {

    private ObjectInfo object() {
        return put(store(), key("cond"), utf8("conditional body"));
    }

    private void assertReads(ReadConditions conditions) throws IOException {
        try (ObjectReader reader = store().read(key("cond"), new ReadOptions(null, conditions))) {
            assertArrayEquals(utf8("conditional body"), readAll(reader));
        }
    }

    private void assertFails(BlobError error, ReadConditions conditions) {
        assertBlobError(error, () -> store().read(key("cond"), new ReadOptions(null, conditions)).close());
    }

    private static Instant second(ObjectInfo info) {
        return info.lastModified().truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    default void ifMatchWithTheCurrentEtagReads() throws IOException {
        ObjectInfo info = object();
        assertReads(new ReadConditions(List.of(info.etag()), null, null, null));
        assertReads(new ReadConditions(List.of("0123", info.etag()), null, null, null));
    }

    @Test
    default void ifMatchStarReadsAnExistingObject() throws IOException {
        object();
        assertReads(new ReadConditions(List.of("*"), null, null, null));
    }

    @Test
    default void ifMatchWithAnotherEtagFailsWithPreconditionFailed() {
        object();
        assertFails(BlobError.PRECONDITION_FAILED, new ReadConditions(List.of("00000000000000000000000000000000"), null, null, null));
    }

    @Test
    default void ifNoneMatchWithTheCurrentEtagOrStarIsNotModified() {
        ObjectInfo info = object();
        assertFails(BlobError.NOT_MODIFIED, new ReadConditions(null, List.of(info.etag()), null, null));
        assertFails(BlobError.NOT_MODIFIED, new ReadConditions(null, List.of("x", info.etag()), null, null));
        assertFails(BlobError.NOT_MODIFIED, new ReadConditions(null, List.of("*"), null, null));
    }

    @Test
    default void ifNoneMatchWithAnotherEtagReads() throws IOException {
        object();
        assertReads(new ReadConditions(null, List.of("00000000000000000000000000000000"), null, null));
    }

    @Test
    default void ifModifiedSinceComparesWholeSeconds() throws IOException {
        ObjectInfo info = object();
        assertFails(BlobError.NOT_MODIFIED, new ReadConditions(null, null, second(info), null));
        assertFails(BlobError.NOT_MODIFIED, new ReadConditions(null, null, second(info).plusMillis(999), null));
        assertFails(BlobError.NOT_MODIFIED, new ReadConditions(null, null, second(info).plusSeconds(3600), null));
        assertReads(new ReadConditions(null, null, second(info).minusSeconds(1), null));
    }

    @Test
    default void ifUnmodifiedSinceComparesWholeSeconds() throws IOException {
        ObjectInfo info = object();
        assertReads(new ReadConditions(null, null, null, second(info)));
        assertReads(new ReadConditions(null, null, null, second(info).plusMillis(500)));
        assertFails(BlobError.PRECONDITION_FAILED, new ReadConditions(null, null, null, second(info).minusSeconds(1)));
    }

    @Test
    default void matchingIfMatchOverridesAFailingIfUnmodifiedSince() throws IOException {
        ObjectInfo info = object();
        assertReads(new ReadConditions(List.of(info.etag()), null, null, second(info).minusSeconds(60)));
    }

    @Test
    default void failingIfMatchFailsEvenWithAPassingIfUnmodifiedSince() {
        ObjectInfo info = object();
        assertFails(BlobError.PRECONDITION_FAILED, new ReadConditions(List.of("nope"), null, null, second(info).plusSeconds(60)));
    }

    @Test
    default void nonMatchingIfNoneMatchOverridesANotModifiedIfModifiedSince() throws IOException {
        ObjectInfo info = object();
        assertReads(new ReadConditions(null, List.of("other"), second(info).plusSeconds(60), null));
    }

    @Test
    default void matchingIfNoneMatchIsNotModifiedEvenWhenModifiedSince() {
        ObjectInfo info = object();
        assertFails(BlobError.NOT_MODIFIED, new ReadConditions(null, List.of(info.etag()), second(info).minusSeconds(60), null));
    }

    @Test
    default void failedIfMatchWinsOverMatchingIfNoneMatch() {
        ObjectInfo info = object();
        assertFails(BlobError.PRECONDITION_FAILED, new ReadConditions(List.of("nope"), List.of(info.etag()), null, null));
    }

    @Test
    default void passingIfMatchStillLetsIfNoneMatchSayNotModified() {
        ObjectInfo info = object();
        assertFails(BlobError.NOT_MODIFIED, new ReadConditions(List.of(info.etag()), List.of(info.etag()), null, null));
    }

    @Test
    default void conditionsAreEvaluatedBeforeTheRange() {
        ObjectInfo info = object();
        ByteRange beyond = new ByteRange.Closed(10_000, 20_000);
        assertBlobError(BlobError.NOT_MODIFIED, () -> store().read(key("cond"),
                new ReadOptions(beyond, new ReadConditions(null, List.of(info.etag()), null, null))).close());
        assertBlobError(BlobError.PRECONDITION_FAILED, () -> store().read(key("cond"),
                new ReadOptions(beyond, new ReadConditions(List.of("nope"), null, null, null))).close());
        assertBlobError(BlobError.INVALID_RANGE, () -> store().read(key("cond"),
                new ReadOptions(beyond, new ReadConditions(List.of(info.etag()), null, null, null))).close());
    }

    @Test
    default void conditionsOnAMissingKeyFailWithNoSuchKey() {
        assertBlobError(BlobError.NO_SUCH_KEY, () -> store().read(key("absent"),
                new ReadOptions(null, new ReadConditions(List.of("*"), null, null, null))).close());
        assertBlobError(BlobError.NO_SUCH_KEY, () -> store().read(key("absent"),
                new ReadOptions(null, new ReadConditions(null, List.of("*"), null, null))).close());
    }

    @Test
    default void conditionsFollowTheCurrentVersionAfterAnOverwrite() throws IOException {
        ObjectInfo first = object();
        ObjectInfo second = put(store(), key("cond"), utf8("conditional body"), WriteOptions.DEFAULTS
                .withUserMetadata(Map.of("v", "2")));
        // Same bytes, same MD5 ETag: S3 semantics, the tag names the content, not the write.
        assertEquals(first.etag(), second.etag());
        put(store(), key("cond"), utf8("changed"));
        assertFails(BlobError.PRECONDITION_FAILED, new ReadConditions(List.of(first.etag()), null, null, null));
        try (ObjectReader reader = store().read(key("cond"), new ReadOptions(null, new ReadConditions(null, List.of(first.etag()), null, null)))) {
            assertArrayEquals(utf8("changed"), readAll(reader));
        }
    }
}
