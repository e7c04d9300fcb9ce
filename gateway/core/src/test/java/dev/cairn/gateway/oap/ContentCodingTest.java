package dev.cairn.gateway.oap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContentCodingTest {

    @Test
    void knownCodings() {
        assertEquals(ContentCoding.IDENTITY, ContentCoding.fromHeader(null));
        assertEquals(ContentCoding.IDENTITY, ContentCoding.fromHeader("identity"));
        assertEquals(ContentCoding.IDENTITY, ContentCoding.fromHeader(""));
        assertEquals(ContentCoding.GZIP, ContentCoding.fromHeader("gzip"));
        assertEquals(ContentCoding.GZIP, ContentCoding.fromHeader("GZip"));
        assertEquals(ContentCoding.GZIP, ContentCoding.fromHeader("x-gzip"));
        assertEquals(ContentCoding.GZIP, ContentCoding.fromHeader(" gzip , identity"));
        assertEquals(ContentCoding.ZSTD, ContentCoding.fromHeader("zstd"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"br", "deflate", "compress", "gzip, br", "gzip, gzip", "zstd, gzip", "gzip;q=1", "*"})
    void unknownOrStackedCodingsAreRefused(String v) {
        assertNull(ContentCoding.fromHeader(v), v);
    }
}
