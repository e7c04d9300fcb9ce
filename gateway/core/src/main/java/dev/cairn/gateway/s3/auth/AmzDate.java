package dev.cairn.gateway.s3.auth;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** The request time formats of SigV4: ISO 8601 basic ({@code 20130524T000000Z}) and the HTTP date. */
final class AmzDate {
    private static final DateTimeFormatter ISO_BASIC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withResolverStyle(ResolverStyle.STRICT)
            .withZone(ZoneOffset.UTC);

    private AmzDate() {
    }

    /** Parses {@code yyyyMMdd'T'HHmmss'Z'}; null when it is not exactly that. */
    static Instant parseIsoBasic(String value) {
        if (value == null || value.length() != 16) {
            return null;
        }
        try {
            return Instant.from(ISO_BASIC.parse(value));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Parses an RFC 1123 HTTP date ({@code Fri, 24 May 2013 00:00:00 GMT}); null when invalid. */
    static Instant parseHttpDate(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(value.trim()));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Formats as {@code yyyyMMdd'T'HHmmss'Z'}, the timestamp of the string to sign. */
    static String isoBasic(Instant instant) {
        return ISO_BASIC.format(instant);
    }
}
