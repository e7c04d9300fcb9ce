package dev.cairn.blob;

import java.util.Comparator;

/**
 * Orders strings by their UTF-8 bytes, which is the order S3 lists keys in. Comparing code
 * points gives exactly that order; {@link String#compareTo} does not (it compares UTF-16 units,
 * which puts U+E000..U+FFFF after supplementary characters).
 */
public final class Utf8Order {
    /** The comparator; null-hostile. */
    public static final Comparator<String> COMPARATOR = Utf8Order::compare;

    private Utf8Order() {
    }

    public static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (ca == cb && !Character.isSurrogate(ca)) {
                i++;
                j++;
                continue;
            }
            int pa = a.codePointAt(i);
            int pb = b.codePointAt(j);
            if (pa != pb) {
                return Integer.compare(pa, pb);
            }
            i += Character.charCount(pa);
            j += Character.charCount(pb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /**
     * The smallest string that sorts after every string starting with {@code prefix}, or null
     * when there is none. Used to skip over a whole common prefix in a listing.
     */
    public static String successorOfPrefix(String prefix) {
        int[] cps = prefix.codePoints().toArray();
        for (int k = cps.length - 1; k >= 0; k--) {
            if (cps[k] < Character.MAX_CODE_POINT) {
                int next = cps[k] + 1;
                if (next >= Character.MIN_SURROGATE && next <= Character.MAX_SURROGATE) {
                    next = Character.MAX_SURROGATE + 1;
                }
                StringBuilder sb = new StringBuilder();
                for (int m = 0; m < k; m++) {
                    sb.appendCodePoint(cps[m]);
                }
                return sb.appendCodePoint(next).toString();
            }
        }
        return null;
    }
}
