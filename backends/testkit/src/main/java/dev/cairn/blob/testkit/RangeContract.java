package dev.cairn.blob.testkit;

import static dev.cairn.blob.testkit.ContractSupport.assertBlobError;
import static dev.cairn.blob.testkit.ContractSupport.put;
import static dev.cairn.blob.testkit.ContractSupport.randomBytes;
import static dev.cairn.blob.testkit.ContractSupport.readAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.ByteRange;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectReader;
import dev.cairn.blob.ReadOptions;
import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every range form HTTP allows, resolved against the version actually read: the bytes served and
 * {@link ObjectReader#range()} must both be exact, {@link ObjectReader#info()} describes the
 * whole object, and unsatisfiable ranges fail with {@link BlobError#INVALID_RANGE}.
 */
public interface RangeContract extends StoreFixture {

    /** Ranges over a 100-byte object, with the offset and length each must resolve to. */
    static Stream<Arguments> satisfiableRanges() {
        return Stream.of(
                Arguments.of(new ByteRange.Closed(10, 19), 10, 10),
                Arguments.of(new ByteRange.Closed(0, 0), 0, 1),
                Arguments.of(new ByteRange.Closed(0, 99), 0, 100),
                Arguments.of(new ByteRange.Closed(99, 99), 99, 1),
                Arguments.of(new ByteRange.Closed(90, 500), 90, 10),
                Arguments.of(new ByteRange.Closed(0, Long.MAX_VALUE - 1), 0, 100),
                Arguments.of(new ByteRange.From(0), 0, 100),
                Arguments.of(new ByteRange.From(95), 95, 5),
                Arguments.of(new ByteRange.From(99), 99, 1),
                Arguments.of(new ByteRange.Suffix(7), 93, 7),
                Arguments.of(new ByteRange.Suffix(100), 0, 100),
                Arguments.of(new ByteRange.Suffix(1000), 0, 100));
    }

    static Stream<ByteRange> unsatisfiableRanges() {
        return Stream.of(new ByteRange.Closed(100, 100), new ByteRange.Closed(100, 200), new ByteRange.Closed(5000, 6000),
                new ByteRange.From(100), new ByteRange.From(101), new ByteRange.Suffix(0));
    }

    static Stream<ByteRange> anyRange() {
        return Stream.of(new ByteRange.Closed(0, 0), new ByteRange.Closed(0, 10), new ByteRange.From(0),
                new ByteRange.Suffix(1), new ByteRange.Suffix(0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.cairn.blob.testkit.RangeContract#satisfiableRanges")
    default void satisfiableRangeServesExactlyTheResolvedBytes(ByteRange range, long offset, long length) throws IOException {
        byte[] data = randomBytes(100, 100);
        BlobKey k = key("ranged");
        ObjectInfo written = put(store(), k, data);
        try (ObjectReader reader = store().read(k, ReadOptions.range(range))) {
            assertEquals(new ByteRange.Resolved(offset, length, 100), reader.range());
            assertArrayEquals(Arrays.copyOfRange(data, (int) offset, (int) (offset + length)), readAll(reader));
            assertEquals(100, reader.info().size(), "info describes the whole object, not the range");
            assertEquals(written.etag(), reader.info().etag());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.cairn.blob.testkit.RangeContract#unsatisfiableRanges")
    default void rangeStartingAtOrPastTheEndIsInvalid(ByteRange range) {
        BlobKey k = key("ranged");
        put(store(), k, randomBytes(100, 100));
        assertBlobError(BlobError.INVALID_RANGE, () -> store().read(k, ReadOptions.range(range)).close());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.cairn.blob.testkit.RangeContract#anyRange")
    default void anyRangeOfAnEmptyObjectIsInvalid(ByteRange range) {
        BlobKey k = key("empty");
        put(store(), k, new byte[0]);
        assertBlobError(BlobError.INVALID_RANGE, () -> store().read(k, ReadOptions.range(range)).close());
    }

    @Test
    default void wholeReadOfAnEmptyObjectIsFine() throws IOException {
        BlobKey k = key("empty");
        put(store(), k, new byte[0]);
        try (ObjectReader reader = store().read(k, ReadOptions.WHOLE)) {
            assertEquals(ByteRange.Resolved.whole(0), reader.range());
            assertEquals(0, readAll(reader).length);
        }
    }

    @Test
    default void rangesAcrossInternalBlockBoundariesOfALargeObject() throws IOException {
        // Backends store large objects in blocks or chunks; ranges that straddle, start on, or
        // end on a power-of-two boundary are where off-by-one errors live.
        byte[] data = randomBytes((2 << 20) + 12_345, 42);
        BlobKey k = key("large");
        put(store(), k, data);
        long[][] ranges = {
            {0, 65_535}, {65_535, 65_536}, {65_536, 65_536 + 99}, {65_000, 200_000},
            {(1 << 20) - 1, (1 << 20)}, {(1 << 20) - 7, (2 << 20) + 3}, {data.length - 1, data.length - 1},
            {123_457, data.length + 1_000_000},
        };
        for (long[] r : ranges) {
            try (ObjectReader reader = store().read(k, ReadOptions.range(new ByteRange.Closed(r[0], r[1])))) {
                long last = Math.min(r[1], data.length - 1);
                assertEquals(new ByteRange.Resolved(r[0], last - r[0] + 1, data.length), reader.range());
                assertArrayEquals(Arrays.copyOfRange(data, (int) r[0], (int) last + 1), readAll(reader),
                        "bytes " + r[0] + "-" + r[1]);
            }
        }
        try (ObjectReader reader = store().read(k, ReadOptions.range(new ByteRange.Suffix(70_000)))) {
            assertArrayEquals(Arrays.copyOfRange(data, data.length - 70_000, data.length), readAll(reader));
        }
    }

    @Test
    default void rangeOfAMissingKeyFailsWithNoSuchKeyNotInvalidRange() {
        assertBlobError(BlobError.NO_SUCH_KEY,
                () -> store().read(key("absent"), ReadOptions.range(new ByteRange.Suffix(0))).close());
    }
}
