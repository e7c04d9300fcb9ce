package dev.cairn.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.cairn.blob.ByteRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RangeHeaderTest {

    @Test
    void absentHeaderIsAbsent() {
        assertEquals(RangeHeader.Kind.ABSENT, RangeHeader.parse(null).kind());
    }

    @Test
    void closedRange() {
        assertEquals(new ByteRange.Closed(0, 9), single("bytes=0-9"));
        assertEquals(new ByteRange.Closed(5, 5), single("bytes=5-5"));
    }

    @Test
    void openEndedRange() {
        assertEquals(new ByteRange.From(100), single("bytes=100-"));
    }

    @Test
    void suffixRange() {
        assertEquals(new ByteRange.Suffix(42), single("bytes=-42"));
        // syntactically valid; unsatisfiable is decided against the length (416), not here
        assertEquals(new ByteRange.Suffix(0), single("bytes=-0"));
    }

    @Test
    void unitIsCaseInsensitive() {
        assertEquals(new ByteRange.Closed(1, 2), single("BYTES=1-2"));
        assertEquals(new ByteRange.Closed(1, 2), single("Bytes=1-2"));
    }

    @Test
    void largestLongIsAccepted() {
        assertEquals(new ByteRange.From(Long.MAX_VALUE), single("bytes=9223372036854775807-"));
    }

    @Test
    void beyondTheEndIsStillSyntacticallyValid() {
        assertEquals(new ByteRange.Closed(1000, 2000), single("bytes=1000-2000"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "bytes=5-2", "bytes=x-", "bytes=-", "bytes= 1-2", "items=0-1", "bytes=", "bytes", "", "bytes=1-2 ",
        "bytes=1--2", "bytes=--1", "bytes=1-2-3", "bytes=-1-2", "bytes=+1-2", "bytes=1-+2", "bytes=0x10-",
        "bytes=1.5-2", "bytes=١-٢", "bytes =1-2", "bytes=1 -2", "bytes=1- 2", "bytes=a", "bytes=,", "bytes=, ,",
        "bytes=9223372036854775808-", "bytes=0-9223372036854775808", "bytes=-9223372036854775808",
        "bytes=99999999999999999999-", "bytes=00000000000000000001-", "bytes=0-1,x", "bytes=0-1,5-2",
        "bytes=\t1-2", "bytes=0-1;2-3"
    })
    void malformedHeadersAreInvalid(String header) {
        RangeHeader.Parsed p = RangeHeader.parse(header);
        assertEquals(RangeHeader.Kind.INVALID, p.kind(), header);
        assertNull(p.range());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=0-1,5-6", "bytes=0-1, 5-6", "bytes=-1,0-", "bytes=0-0,0-0", "bytes=1-2,\t3-4, -5"})
    void severalRangesAreMultiple(String header) {
        assertEquals(RangeHeader.Kind.MULTIPLE, RangeHeader.parse(header).kind(), header);
    }

    @Test
    void emptyListElementsAreTolerated() {
        assertEquals(new ByteRange.Closed(0, 1), single("bytes=0-1,"));
        assertEquals(new ByteRange.Closed(0, 1), single("bytes=0-1, ,"));
    }

    private static ByteRange single(String header) {
        RangeHeader.Parsed p = RangeHeader.parse(header);
        assertEquals(RangeHeader.Kind.SINGLE, p.kind(), header);
        return p.range();
    }
}
