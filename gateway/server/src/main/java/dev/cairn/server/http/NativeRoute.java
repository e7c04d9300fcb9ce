package dev.cairn.server.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Which requests {@link NativeReads} serves itself: GET and HEAD of every path that Jersey would
 * hand to the OAP object resource ({@code /o/...}) or to the S3 resource (everything no other
 * resource claims). Jersey matches on the decoded path, so a path whose first segment decodes to
 * one another resource owns ({@code /healthz}, {@code /%6Detrics}, {@code /put}, {@code /o}, a
 * test resource) stays with Jersey, as does anything this class cannot decode: when in doubt,
 * Jersey decides.
 */
final class NativeRoute {
    /** Where a request goes. */
    enum Target {
        OAP,
        S3,
        JERSEY
    }

    private final Set<String> jerseyOwned;

    /** @param jerseyOwned first path segments (decoded, no slashes) that stay with Jersey */
    NativeRoute(Set<String> jerseyOwned) {
        this.jerseyOwned = Set.copyOf(jerseyOwned);
    }

    Target of(String method, String rawPath) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return Target.JERSEY;
        }
        String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        if (path.startsWith("/o/")) {
            return Target.OAP; // Jersey's {p: o/.*} template: whatever follows is OapApi's to judge
        }
        String first = firstSegment(path);
        return first == null || jerseyOwned.contains(first) ? Target.JERSEY : Target.S3;
    }

    /**
     * The first non-empty segment of the percent-decoded path (as Jersey matches: {@code /o%2Fx}
     * is {@code o}), without matrix parameters; null if undecodable.
     */
    private static String firstSegment(String rawPath) {
        String path = rawPath.indexOf('%') < 0 ? rawPath : decode(rawPath);
        if (path == null) {
            return null;
        }
        int start = 0;
        while (start < path.length() && path.charAt(start) == '/') {
            start++;
        }
        int end = start;
        while (end < path.length() && path.charAt(end) != '/' && path.charAt(end) != ';') {
            end++;
        }
        return path.substring(start, end);
    }

    private static String decode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '%') {
                out.write(c);
                continue;
            }
            if (i + 2 >= s.length()) {
                return null;
            }
            int hi = Character.digit(s.charAt(i + 1), 16);
            int lo = Character.digit(s.charAt(i + 2), 16);
            if (hi < 0 || lo < 0) {
                return null;
            }
            out.write(hi << 4 | lo);
            i += 2;
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
