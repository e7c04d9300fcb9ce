package dev.cairn.blob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8OrderTest {

    private static int byteCompare(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void agreesWithUnsignedByteOrderWhereStringCompareToDoesNot() {
        String supplementary = "\uD83D\uDE00"; // U+1F600
        String privateUse = "\uE000";
        assertTrue(supplementary.compareTo(privateUse) < 0, "UTF-16 order puts surrogates first");
        assertTrue(Utf8Order.compare(supplementary, privateUse) > 0, "UTF-8 order puts U+1F600 after U+E000");
        assertEquals(Integer.signum(byteCompare(supplementary, privateUse)), Integer.signum(Utf8Order.compare(supplementary, privateUse)));
    }

    @Test
    void randomStringsSortLikeTheirUtf8Bytes() {
        Random rnd = new Random(42);
        int[] pool = {'a', 'b', '/', '-', 0x7f, 0xe9, 0x800, 0xfffd, 0xe000, 0x1f600, 0x10ffff, 0x10000};
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            StringBuilder sb = new StringBuilder();
            int n = rnd.nextInt(5);
            for (int j = 0; j < n; j++) {
                sb.appendCodePoint(pool[rnd.nextInt(pool.length)]);
            }
            strings.add(sb.toString());
        }
        for (String a : strings) {
            for (int k = 0; k < 20; k++) {
                String b = strings.get(rnd.nextInt(strings.size()));
                assertEquals(Integer.signum(byteCompare(a, b)), Integer.signum(Utf8Order.compare(a, b)), a + " vs " + b);
            }
        }
    }

    @Test
    void successorOfPrefixSortsAfterEveryExtension() {
        for (String p : List.of("a/", "dir/sub/", "x\uFFFF", "\uD83D\uDE00", "a\uD7FF")) {
            String s = Utf8Order.successorOfPrefix(p);
            assertTrue(Utf8Order.compare(s, p) > 0);
            for (String tail : List.of("", "\u0000", "zzz", "\uDBFF\uDFFF\uDBFF\uDFFF")) {
                assertTrue(Utf8Order.compare(p + tail, s) < 0, p + tail);
            }
        }
        assertNull(Utf8Order.successorOfPrefix(new String(Character.toChars(Character.MAX_CODE_POINT))));
    }
}
