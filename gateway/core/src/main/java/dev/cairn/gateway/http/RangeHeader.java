package dev.cairn.gateway.http;

import dev.cairn.blob.ByteRange;

/**
 * Parses a {@code Range} header (RFC 9110 §14.1.2) into at most one {@link ByteRange}.
 *
 * <p>Grammar accepted: {@code bytes=} (unit case-insensitive, no space around {@code =})
 * followed by comma-separated range specs with optional spaces around commas; each spec is
 * {@code first-last}, {@code first-} or {@code -suffix}, with digits only. Anything else is
 * {@link Kind#INVALID}, which the caller ignores (answering 200 with the whole body, as RFC
 * 9110 §14.2 requires of a server that does not understand a Range header). A number too large
 * for a {@code long} is treated as invalid rather than clamped: no real blob approaches that
 * size, and refusing to guess is safer than silently reinterpreting the request.
 *
 * <p>Shared by the OAP and S3 read paths.
 *
 * <p>Satisfiability (e.g. {@code first} beyond the end) is not decided here: it needs the
 * blob's length and yields 416, not 200.
 */
public final class RangeHeader {

    /** What a Range header asked for. */
    public enum Kind {
        /** No Range header. */
        ABSENT,
        /** Not a valid byte-ranges specifier; ignore it. */
        INVALID,
        /** Several valid ranges; this API answers them with the whole body. */
        MULTIPLE,
        /** Exactly one valid range. */
        SINGLE
    }

    /** The parse result; {@code range} is set only for {@link Kind#SINGLE}. */
    public record Parsed(Kind kind, ByteRange range) {
        static final Parsed ABSENT = new Parsed(Kind.ABSENT, null);
        static final Parsed INVALID = new Parsed(Kind.INVALID, null);
        static final Parsed MULTIPLE = new Parsed(Kind.MULTIPLE, null);
    }

    private static final String UNIT = "bytes=";

    private RangeHeader() {
    }

    /** Parses a header value; null means the header was absent. Never throws. */
    public static Parsed parse(String value) {
        if (value == null) {
            return Parsed.ABSENT;
        }
        if (value.length() < UNIT.length() || !value.regionMatches(true, 0, UNIT, 0, UNIT.length())) {
            return Parsed.INVALID;
        }
        String[] specs = value.substring(UNIT.length()).split(",", -1);
        ByteRange first = null;
        int count = 0;
        for (int i = 0; i < specs.length; i++) {
            String spec = specs[i];
            // OWS is allowed around list commas, but not right after "bytes=" or at the very end.
            if (i > 0) {
                spec = stripLeadingOws(spec);
            }
            if (i < specs.length - 1) {
                spec = stripTrailingOws(spec);
            }
            if (spec.isEmpty()) {
                // RFC 9110 list syntax tolerates empty elements ("0-1, ,2-3"), but a header of only
                // empty elements names no range at all.
                if (i == 0 && specs.length == 1) {
                    return Parsed.INVALID;
                }
                continue;
            }
            ByteRange r = parseSpec(spec);
            if (r == null) {
                return Parsed.INVALID;
            }
            if (count++ == 0) {
                first = r;
            }
        }
        if (count == 0) {
            return Parsed.INVALID;
        }
        return count == 1 ? new Parsed(Kind.SINGLE, first) : Parsed.MULTIPLE;
    }

    private static ByteRange parseSpec(String spec) {
        int dash = spec.indexOf('-');
        if (dash < 0 || dash != spec.lastIndexOf('-')) {
            return null;
        }
        String a = spec.substring(0, dash);
        String b = spec.substring(dash + 1);
        if (a.isEmpty()) {
            long suffix = digits(b);
            return suffix < 0 ? null : new ByteRange.Suffix(suffix);
        }
        long firstPos = digits(a);
        if (firstPos < 0) {
            return null;
        }
        if (b.isEmpty()) {
            return new ByteRange.From(firstPos);
        }
        long lastPos = digits(b);
        if (lastPos < 0 || lastPos < firstPos) {
            return null;
        }
        return new ByteRange.Closed(firstPos, lastPos);
    }

    /** A non-empty run of ASCII digits as a long, or -1 if it is not one or overflows. */
    private static long digits(String s) {
        if (s.isEmpty() || s.length() > 19) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            int d = c - '0';
            if (v > (Long.MAX_VALUE - d) / 10) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    private static String stripLeadingOws(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return s.substring(i);
    }

    private static String stripTrailingOws(String s) {
        int i = s.length();
        while (i > 0 && (s.charAt(i - 1) == ' ' || s.charAt(i - 1) == '\t')) {
            i--;
        }
        return s.substring(0, i);
    }
}
