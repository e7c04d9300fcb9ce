package dev.cairn.gateway.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Request header fields, looked up by case-insensitive name. Immutable. Each name keeps every
 * field line it was received with, in order, so list-valued headers (If-None-Match,
 * Content-Encoding) can be read across repeated lines.
 */
public final class Headers {
    private static final Headers EMPTY = new Headers(Map.of());

    private final Map<String, List<String>> byLowerName;

    private Headers(Map<String, List<String>> byLowerName) {
        this.byLowerName = byLowerName;
    }

    /** No headers. */
    public static Headers empty() {
        return EMPTY;
    }

    /**
     * Copies a multi-map of header fields; names differing only in case are merged.
     *
     * @param fields header names to their values; null values and lists are skipped
     */
    public static Headers of(Map<String, ? extends List<String>> fields) {
        Map<String, List<String>> m = new TreeMap<>();
        for (Map.Entry<String, ? extends List<String>> e : fields.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                continue;
            }
            List<String> values = m.computeIfAbsent(e.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>());
            for (String v : e.getValue()) {
                if (v != null) {
                    values.add(v);
                }
            }
        }
        m.replaceAll((k, v) -> Collections.unmodifiableList(v));
        return new Headers(Collections.unmodifiableMap(m));
    }

    /** Convenience for tests and simple callers: alternating names and values. */
    public static Headers of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must alternate");
        }
        Map<String, List<String>> m = new TreeMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            m.computeIfAbsent(namesAndValues[i], k -> new ArrayList<>()).add(namesAndValues[i + 1]);
        }
        return of(m);
    }

    /** The first field line's value, or null when the header is absent. */
    public String first(String name) {
        List<String> v = byLowerName.get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** Every field line's value in order; empty when absent. */
    public List<String> all(String name) {
        List<String> v = byLowerName.get(name.toLowerCase(Locale.ROOT));
        return v == null ? List.of() : v;
    }

    public boolean has(String name) {
        return !all(name).isEmpty();
    }

    /**
     * All field lines joined with commas, the combination RFC 9110 §5.3 allows for list-valued
     * fields; null when absent.
     */
    public String joined(String name) {
        List<String> v = all(name);
        return v.isEmpty() ? null : String.join(", ", v);
    }

    /** The lower-cased header names present. */
    public java.util.Set<String> names() {
        return byLowerName.keySet();
    }
}
