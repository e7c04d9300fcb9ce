package dev.cairn.gateway.s3.route;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request's decoded query parameters, in the order received. A parameter without {@code =}
 * (a sub-resource such as {@code ?uploads}) has the empty string as its value.
 */
public final class QueryParams {
    private static final QueryParams EMPTY = new QueryParams(Map.of());

    private final Map<String, List<String>> params;

    private QueryParams(Map<String, List<String>> params) {
        this.params = params;
    }

    /**
     * Decodes a raw query string ({@code a=1&b&c=%2F}). {@code +} decodes to a space, as in HTML
     * forms and S3.
     *
     * @throws MalformedRequestException for bad percent-encoding or invalid UTF-8
     */
    public static QueryParams parse(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return EMPTY;
        }
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (String part : rawQuery.split("&", -1)) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = decode(eq < 0 ? part : part.substring(0, eq), true);
            String value = eq < 0 ? "" : decode(part.substring(eq + 1), true);
            map.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
        }
        map.replaceAll((k, v) -> Collections.unmodifiableList(v));
        return new QueryParams(Collections.unmodifiableMap(map));
    }

    public static QueryParams empty() {
        return EMPTY;
    }

    public boolean has(String name) {
        return params.containsKey(name);
    }

    /** The first value, or null when absent. */
    public String first(String name) {
        List<String> v = params.get(name);
        return v == null ? null : v.get(0);
    }

    public Map<String, List<String>> asMap() {
        return params;
    }

    /**
     * Percent-decodes {@code s} as UTF-8.
     *
     * @param plusIsSpace true in query strings, false in paths (where {@code +} is a literal plus)
     * @throws MalformedRequestException for a bad escape or bytes that are not UTF-8
     */
    static String decode(String s, boolean plusIsSpace) {
        if (s.indexOf('%') < 0 && (!plusIsSpace || s.indexOf('+') < 0)) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    throw new MalformedRequestException("InvalidURI", "Couldn't parse the specified URI.");
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new MalformedRequestException("InvalidURI", "Couldn't parse the specified URI.");
                }
                out.write(hi << 4 | lo);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                out.write(' ');
            } else if (c < 0x80) {
                out.write(c);
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                    b = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                out.write(b, 0, b.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(out.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedRequestException("InvalidURI", "Couldn't parse the specified URI.");
        }
    }
}
