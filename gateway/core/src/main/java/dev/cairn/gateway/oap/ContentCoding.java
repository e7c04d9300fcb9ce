package dev.cairn.gateway.oap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The request Content-Encodings the OAP API decodes. */
enum ContentCoding {
    IDENTITY,
    GZIP,
    ZSTD;

    /** What a 415 advertises in {@code Accept-Encoding}. */
    static final String ACCEPTED = "gzip, zstd, identity";

    /**
     * Reads a Content-Encoding header (all field lines joined). {@code identity} elements are
     * no-ops and dropped; {@code x-gzip} is {@code gzip} (RFC 9110 §8.4.1.3).
     *
     * @return the single coding to undo, or null when the header names an unknown coding or
     *     stacks more than one (the caller answers 415)
     */
    static ContentCoding fromHeader(String value) {
        if (value == null) {
            return IDENTITY;
        }
        List<String> codings = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            String c = part.trim().toLowerCase(Locale.ROOT);
            if (!c.isEmpty() && !c.equals("identity")) {
                codings.add(c);
            }
        }
        if (codings.isEmpty()) {
            return IDENTITY;
        }
        if (codings.size() > 1) {
            return null;
        }
        return switch (codings.get(0)) {
            case "gzip", "x-gzip" -> GZIP;
            case "zstd" -> ZSTD;
            default -> null;
        };
    }
}
