package dev.cairn.gateway.s3.auth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What authentication needs of an HTTP request, free of any server framework.
 *
 * <p>{@code rawPath} and {@code rawQuery} are exactly as received on the request line, still
 * percent-encoded: S3 signs keys such as {@code a//b} or {@code ../x} as sent, so a decoded or
 * normalised path would verify the wrong string. {@code headers} must contain {@code host} (for
 * HTTP/2, the {@code :authority}); each header line received is one list element, in order.
 *
 * @param method HTTP method, upper case as received
 * @param rawPath raw path, starting with {@code /}; empty is read as {@code /}
 * @param rawQuery raw query without the {@code ?}, or empty/null when there is none
 * @param headers header name to values; copied into a case-insensitive map
 */
public record SignedRequestView(String method, String rawPath, String rawQuery, Map<String, List<String>> headers) {

    public SignedRequestView {
        Objects.requireNonNull(method, "method");
        rawPath = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        rawQuery = rawQuery == null ? "" : rawQuery;
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Objects.requireNonNull(headers, "headers").forEach((name, values) -> {
            if (values != null && !values.isEmpty()) {
                copy.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values);
            }
        });
        copy.replaceAll((name, values) -> List.copyOf(values));
        headers = Collections.unmodifiableMap(copy);
    }

    /** Convenience for tests and simple callers: one value per header. */
    public static SignedRequestView of(String method, String rawPath, String rawQuery, Map<String, String> headers) {
        TreeMap<String, List<String>> multi = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, value) -> multi.computeIfAbsent(name, n -> new ArrayList<>()).add(value));
        return new SignedRequestView(method, rawPath, rawQuery, multi);
    }

    /** All values of a header (case-insensitive name), or an empty list. */
    public List<String> headerValues(String name) {
        return headers.getOrDefault(name, List.of());
    }

    /** The first value of a header (case-insensitive name), or null. */
    public String header(String name) {
        List<String> values = headerValues(name);
        return values.isEmpty() ? null : values.get(0);
    }
}
