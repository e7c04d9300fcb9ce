package dev.cairn.gateway.s3.auth;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A raw query string split into parameters. Names and values are kept as decoded bytes so that
 * the canonical query string re-encodes exactly what the client encoded, even for bytes that
 * are not valid UTF-8.
 */
final class QueryParameters {

    /** One {@code name[=value]} pair; a missing {@code =} means an empty value. */
    record Parameter(byte[] name, byte[] value) {
        String nameString() {
            return new String(name, StandardCharsets.UTF_8);
        }

        String valueString() {
            return new String(value, StandardCharsets.UTF_8);
        }
    }

    private final List<Parameter> parameters;

    private QueryParameters(List<Parameter> parameters) {
        this.parameters = parameters;
    }

    static QueryParameters parse(String rawQuery) {
        List<Parameter> list = new ArrayList<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String part : rawQuery.split("&", -1)) {
                if (part.isEmpty()) {
                    continue; // "a=1&&b=2": empty segments carry no parameter
                }
                int eq = part.indexOf('=');
                String rawName = eq < 0 ? part : part.substring(0, eq);
                String rawValue = eq < 0 ? "" : part.substring(eq + 1);
                list.add(new Parameter(UriEncoding.decode(rawName, true), UriEncoding.decode(rawValue, true)));
            }
        }
        return new QueryParameters(List.copyOf(list));
    }

    /** The first value of the parameter with exactly this (case-sensitive) name, or null. */
    String first(String name) {
        for (Parameter p : parameters) {
            if (p.nameString().equals(name)) {
                return p.valueString();
            }
        }
        return null;
    }

    /** Every parameter, in the order received. */
    List<Parameter> all() {
        return parameters;
    }

    /** How many parameters have exactly this name. */
    int count(String name) {
        int n = 0;
        for (Parameter p : parameters) {
            if (p.nameString().equals(name)) {
                n++;
            }
        }
        return n;
    }

    boolean contains(String name) {
        return first(name) != null;
    }

    /**
     * The SigV4 canonical query string: each name and value URI-encoded, pairs sorted by encoded
     * name then encoded value, joined with {@code &}; an empty value still gets its {@code =}.
     *
     * @param excludedName a parameter left out (the presigned signature itself), or null
     */
    String canonical(String excludedName) {
        return parameters.stream()
                .filter(p -> excludedName == null || !p.nameString().equals(excludedName))
                .map(p -> new String[] {UriEncoding.encode(p.name(), false), UriEncoding.encode(p.value(), false)})
                .sorted(Comparator.<String[], String>comparing(kv -> kv[0]).thenComparing(kv -> kv[1]))
                .map(kv -> kv[0] + "=" + kv[1])
                .collect(Collectors.joining("&"));
    }
}
