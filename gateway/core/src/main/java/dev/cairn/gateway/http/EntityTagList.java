package dev.cairn.gateway.http;

import java.util.ArrayList;
import java.util.List;

/**
 * The value of If-Match or If-None-Match: {@code *} or a comma-separated list of entity tags
 * ({@code "x"} or weak {@code W/"x"}). Parsing is lenient where it costs nothing: an unquoted
 * token is taken as a strong tag with that text (some S3 clients send tags unquoted), and
 * elements that cannot be parsed at all are dropped, so they simply match nothing.
 */
public final class EntityTagList {

    /** One entity tag: its opaque text without quotes, and whether it was weak. */
    public record Tag(String opaque, boolean weak) {
    }

    private final boolean any;
    private final List<Tag> tags;

    private EntityTagList(boolean any, List<Tag> tags) {
        this.any = any;
        this.tags = List.copyOf(tags);
    }

    /** Parses a header value (all field lines joined); null stays null. */
    public static EntityTagList parse(String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim();
        if (v.equals("*")) {
            return new EntityTagList(true, List.of());
        }
        List<Tag> out = new ArrayList<>();
        int i = 0;
        int n = v.length();
        while (i < n) {
            char c = v.charAt(i);
            if (c == ',' || c == ' ' || c == '\t') {
                i++;
                continue;
            }
            boolean weak = false;
            if ((c == 'W' || c == 'w') && i + 2 < n && v.charAt(i + 1) == '/' && v.charAt(i + 2) == '"') {
                weak = true;
                i += 2;
                c = '"';
            }
            if (c == '"') {
                int close = v.indexOf('"', i + 1);
                if (close < 0) {
                    break; // unterminated: nothing more can be read reliably
                }
                out.add(new Tag(v.substring(i + 1, close), weak));
                i = close + 1;
            } else {
                int end = v.indexOf(',', i);
                end = end < 0 ? n : end;
                String token = v.substring(i, end).trim();
                if (token.equals("*")) {
                    out.add(null);
                } else if (!token.isEmpty()) {
                    out.add(new Tag(token, false));
                }
                i = end;
            }
        }
        boolean star = out.remove(null);
        return new EntityTagList(star, out);
    }

    /** True when the list holds {@code *}. */
    public boolean isAny() {
        return any;
    }

    /** The listed tags in order (without {@code *}). */
    public List<Tag> tags() {
        return tags;
    }

    /** Strong comparison (If-Match, If-Range): both tags strong and equal, or {@code *}. */
    public boolean matchesStrong(String opaque) {
        if (any) {
            return true;
        }
        for (Tag t : tags) {
            if (!t.weak() && t.opaque().equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    /** Weak comparison (If-None-Match): equal opaque text, weakness ignored, or {@code *}. */
    public boolean matchesWeak(String opaque) {
        if (any) {
            return true;
        }
        for (Tag t : tags) {
            if (t.opaque().equals(opaque)) {
                return true;
            }
        }
        return false;
    }
}
