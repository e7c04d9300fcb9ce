package dev.cairn.blob.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BlobKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class KeyCodecTest {
    private static final Path BUCKET_DIR = Path.of("/data/buckets/b").toAbsolutePath();

    static List<String> awkwardKeys() {
        List<String> keys = new ArrayList<>(List.of(
                "..", ".", "../x", "x/..", "a/../b", "./a", "a//b", "/x", "x/", "/", "//", "///a///",
                "\\", "..\\..\\x", "%", "%2F", "%%", "%25", "a%2Fb", "a b", " ", "  lead", "trail ",
                "é", "e\u0301", "日本語/ファイル", "😀", "a/😀/b", "\uE000\uD83D\uDE00", "a@", "a@/b", "@", "+", "a+/b+",
                "a.b", ".hidden", "a/.b", "a/..b", "...", "tab\there", "nul\u0000x", "CON", "a:b", "*?<>|\"",
                "UPPER/lower", "-_-", "x".repeat(240), "x".repeat(241), ".".repeat(300)));
        keys.add("x".repeat(BlobKey.MAX_KEY_BYTES));                   // one long segment, 1024 plain bytes
        keys.add("é".repeat(BlobKey.MAX_KEY_BYTES / 2));              // 1024 bytes, 3072 encoded
        keys.add("%".repeat(BlobKey.MAX_KEY_BYTES));                  // 3072 encoded bytes, all triples
        keys.add("/".repeat(BlobKey.MAX_KEY_BYTES));                  // 1025 empty segments
        keys.add(("a".repeat(239) + "/").repeat(4) + "b");            // 1024 bytes with slashes
        keys.add("a".repeat(239) + "." + "b".repeat(300));            // a '.' landing on a piece boundary
        keys.add("a".repeat(240) + ".." + "/c");                      // a piece that would be ".."
        return keys;
    }

    @ParameterizedTest
    @MethodSource("awkwardKeys")
    void awkwardKeysRoundTripAndStayInsideTheBucket(String key) {
        new BlobKey("b", key); // every case is a legal key
        List<String> names = KeyCodec.names(key);
        assertEquals(key, KeyCodec.decode(names));
        assertSafe(names);
        Path p = KeyCodec.resolve(BUCKET_DIR, key);
        assertTrue(p.normalize().equals(p), "no . or .. component in " + p);
        assertTrue(p.normalize().startsWith(BUCKET_DIR), p + " escapes the bucket");
        assertEquals(names.size(), p.getNameCount() - BUCKET_DIR.getNameCount(), "one path component per name");
    }

    @Test
    void randomKeysRoundTripAndDistinctKeysGetDistinctPaths() {
        Random random = new Random(42);
        String alphabet = "/./%@+\\ aZ9_-é日😀\u0000\uFFFF";
        int[] cps = alphabet.codePoints().toArray();
        Set<String> keys = new HashSet<>();
        Set<Path> paths = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = 1 + random.nextInt(i % 10 == 0 ? 400 : 12);
            for (int j = 0; j < len; j++) {
                sb.appendCodePoint(cps[random.nextInt(cps.length)]);
            }
            String key = sb.toString();
            if (key.getBytes(StandardCharsets.UTF_8).length > BlobKey.MAX_KEY_BYTES) {
                continue;
            }
            List<String> names = KeyCodec.names(key);
            assertEquals(key, KeyCodec.decode(names), "round trip of " + key);
            assertSafe(names);
            Path p = KeyCodec.resolve(BUCKET_DIR, key);
            assertTrue(p.normalize().startsWith(BUCKET_DIR));
            if (keys.add(key)) {
                assertTrue(paths.add(p), "two keys share the path " + p);
            }
        }
    }

    @Test
    void objectAndFolderOfTheSameNameDoNotCollide() {
        assertEquals(List.of("a@"), KeyCodec.names("a"));
        assertEquals(List.of("a", "%@"), KeyCodec.names("a/"));
        assertEquals(List.of("a", "b@"), KeyCodec.names("a/b"));
        assertEquals(List.of("%", "%", "%@"), KeyCodec.names("//"));
    }

    @Test
    void encodingKeepsSafeBytesAndEscapesTheRest() {
        assertEquals(List.of("Az09_-.x@"), KeyCodec.names("Az09_-.x"));
        assertEquals(List.of("%2E.@"), KeyCodec.names(".."), "only a leading dot is escaped");
        assertEquals(List.of("%2Ea.@"), KeyCodec.names(".a."));
        assertEquals(List.of("%25@"), KeyCodec.names("%"));
        assertEquals(List.of("%40%2B%5C%20@"), KeyCodec.names("@+\\ "));
        assertEquals(List.of("%C3%A9@"), KeyCodec.names("é"));
    }

    @Test
    void longSegmentsAreSplitIntoContinuationDirectoriesWithoutBreakingTriples() {
        String key = "é".repeat(BlobKey.MAX_KEY_BYTES / 2);
        List<String> names = KeyCodec.names(key);
        assertTrue(names.size() > 1);
        for (int i = 0; i < names.size() - 1; i++) {
            assertTrue(names.get(i).endsWith("+"), names.get(i));
            assertEquals(0, (names.get(i).length() - 1) % 3, "a %XX triple was split: " + names.get(i));
        }
        assertTrue(names.get(names.size() - 1).endsWith("@"));
    }

    @Test
    void nonCanonicalNamesDoNotDecode() {
        assertNull(KeyCodec.decodeSegment(".bucket"), "the bucket marker is not a key");
        assertNull(KeyCodec.decodeSegment("%41"), "an escaped plain byte is not canonical");
        assertNull(KeyCodec.decodeSegment("%c3%a9"), "lowercase hex is not canonical");
        assertNull(KeyCodec.decodeSegment("%C3"), "a broken UTF-8 sequence is not a key");
        assertNull(KeyCodec.decodeSegment("%2"), "a truncated triple");
        assertNull(KeyCodec.decodeSegment("a b"), "a raw space is never written");
        assertNull(KeyCodec.decodeSegment(""));
        assertNull(KeyCodec.decode(List.of("a")), "a directory alone is not an object");
        assertNull(KeyCodec.decode(List.of("a@", "b@")), "an object file has no children");
        assertEquals("", KeyCodec.decodeSegment("%"));
    }

    private static void assertSafe(List<String> names) {
        for (String name : names) {
            assertFalse(name.isEmpty());
            assertFalse(name.equals(".") || name.equals(".."), name);
            assertFalse(name.startsWith("."), "hidden or relative name " + name);
            assertTrue(name.length() <= KeyCodec.MAX_PIECE + 1, "name too long: " + name.length());
            assertTrue(name.chars().allMatch(c -> c < 0x80 && c != '/' && c != '\\' && c != 0), name);
        }
    }
}
