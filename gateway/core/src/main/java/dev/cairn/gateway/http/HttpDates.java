package dev.cairn.gateway.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** HTTP-date (RFC 9110 §5.6.7) formatting and lenient parsing. */
public final class HttpDates {
    // IMF-fixdate. DateTimeFormatter.RFC_1123_DATE_TIME prints one-digit days, which IMF-fixdate forbids.
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private HttpDates() {
    }

    public static String format(Instant instant) {
        return IMF_FIXDATE.format(instant);
    }

    /** Parses IMF-fixdate (and the RFC 1123 variants); null when absent or not a date. */
    public static Instant parse(String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim();
        try {
            return ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
