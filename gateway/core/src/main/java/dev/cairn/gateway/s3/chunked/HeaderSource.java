package dev.cairn.gateway.s3.chunked;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Read access to request headers, so parsing here stays free of any HTTP framework. */
@FunctionalInterface
public interface HeaderSource {
    /**
     * Every value of the header, in the order received; empty when absent.
     *
     * @param name the header name, matched case-insensitively
     */
    List<String> all(String name);

    /** A case-insensitive source over a map, for tests and simple callers. */
    static HeaderSource of(Map<String, List<String>> headers) {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> copy.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new ArrayList<>()).addAll(v));
        return name -> List.copyOf(copy.getOrDefault(name, List.of()));
    }
}
