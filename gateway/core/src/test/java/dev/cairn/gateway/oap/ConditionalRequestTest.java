package dev.cairn.gateway.oap;

import static dev.cairn.gateway.oap.ConditionalRequest.Outcome.NOT_MODIFIED;
import static dev.cairn.gateway.oap.ConditionalRequest.Outcome.PRECONDITION_FAILED;
import static dev.cairn.gateway.oap.ConditionalRequest.Outcome.PROCEED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.gateway.http.Headers;
import dev.cairn.gateway.http.HttpDates;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConditionalRequestTest {
    static final String TAG = "b3:" + "ab".repeat(32);
    static final String QUOTED = '"' + TAG + '"';
    static final Instant MODIFIED = Instant.parse("2024-05-06T07:08:09.500Z");

    private static ConditionalRequest.Outcome eval(String... headers) {
        return ConditionalRequest.evaluate(Headers.of(headers), TAG, MODIFIED);
    }

    @Test
    void noConditionsProceed() {
        assertEquals(PROCEED, eval());
    }

    @Test
    void ifNoneMatchUsesWeakComparisonListsAndStar() {
        assertEquals(NOT_MODIFIED, eval("If-None-Match", QUOTED));
        assertEquals(NOT_MODIFIED, eval("If-None-Match", "W/" + QUOTED));
        assertEquals(NOT_MODIFIED, eval("If-None-Match", "\"x\", " + QUOTED));
        assertEquals(NOT_MODIFIED, eval("If-None-Match", "\"x\"", "If-None-Match", QUOTED));
        assertEquals(NOT_MODIFIED, eval("If-None-Match", "*"));
        assertEquals(NOT_MODIFIED, eval("If-None-Match", TAG)); // unquoted, as some clients send
        assertEquals(PROCEED, eval("If-None-Match", "\"x\", W/\"y\""));
        assertEquals(PROCEED, eval("If-None-Match", '"' + TAG.toUpperCase(java.util.Locale.ROOT) + '"'));
    }

    @Test
    void ifMatchUsesStrongComparison() {
        assertEquals(PROCEED, eval("If-Match", QUOTED));
        assertEquals(PROCEED, eval("If-Match", "*"));
        assertEquals(PROCEED, eval("If-Match", "\"x\"," + QUOTED));
        assertEquals(PRECONDITION_FAILED, eval("If-Match", "W/" + QUOTED));
        assertEquals(PRECONDITION_FAILED, eval("If-Match", "\"x\""));
        assertEquals(PRECONDITION_FAILED, eval("If-Match", "\"unterminated"));
    }

    @Test
    void ifMatchIsEvaluatedBeforeIfNoneMatch() {
        assertEquals(PRECONDITION_FAILED, eval("If-Match", "\"x\"", "If-None-Match", QUOTED));
        assertEquals(NOT_MODIFIED, eval("If-Match", QUOTED, "If-None-Match", QUOTED));
    }

    @Test
    void datesAreComparedBySecond() {
        assertEquals(NOT_MODIFIED, eval("If-Modified-Since", "Mon, 06 May 2024 07:08:09 GMT"));
        assertEquals(PROCEED, eval("If-Modified-Since", "Mon, 06 May 2024 07:08:08 GMT"));
        assertEquals(PRECONDITION_FAILED, eval("If-Unmodified-Since", "Mon, 06 May 2024 07:08:08 GMT"));
        assertEquals(PROCEED, eval("If-Unmodified-Since", "Mon, 06 May 2024 07:08:09 GMT"));
    }

    @Test
    void entityTagsOverrideDates() {
        assertEquals(PROCEED, eval("If-None-Match", "\"x\"", "If-Modified-Since", "Mon, 06 May 2024 07:08:09 GMT"));
        assertEquals(PROCEED, eval("If-Match", QUOTED, "If-Unmodified-Since", "Mon, 06 May 2020 07:08:08 GMT"));
    }

    @Test
    void unparseableDatesAreIgnored() {
        assertEquals(PROCEED, eval("If-Modified-Since", "yesterday"));
        assertEquals(PROCEED, eval("If-Unmodified-Since", "0"));
    }

    @Test
    void ifRangeHonoursOnlyAStrongMatchingTag() {
        assertTrue(ConditionalRequest.rangeAllowed(Headers.empty(), TAG));
        assertTrue(ConditionalRequest.rangeAllowed(Headers.of("If-Range", QUOTED), TAG));
        assertFalse(ConditionalRequest.rangeAllowed(Headers.of("If-Range", "\"other\""), TAG));
        assertFalse(ConditionalRequest.rangeAllowed(Headers.of("If-Range", "W/" + QUOTED), TAG));
        assertFalse(ConditionalRequest.rangeAllowed(Headers.of("If-Range", "Mon, 06 May 2024 07:08:09 GMT"), TAG));
        assertFalse(ConditionalRequest.rangeAllowed(Headers.of("If-Range", TAG), TAG));
    }

    @Test
    void httpDatesUseTwoDigitDays() {
        assertEquals("Sun, 05 May 2024 07:08:09 GMT", HttpDates.format(Instant.parse("2024-05-05T07:08:09Z")));
        assertEquals(Instant.parse("2024-05-05T07:08:09Z"), HttpDates.parse("Sun, 05 May 2024 07:08:09 GMT"));
    }
}
