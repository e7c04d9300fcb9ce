package dev.cairn.blob.testkit;

import static dev.cairn.blob.testkit.ContractSupport.keys;
import static dev.cairn.blob.testkit.ContractSupport.listAllKeys;
import static dev.cairn.blob.testkit.ContractSupport.put;
import static dev.cairn.blob.testkit.ContractSupport.readAll;
import static dev.cairn.blob.testkit.ContractSupport.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.blob.BlobKey;
import dev.cairn.blob.ListPage;
import dev.cairn.blob.ListRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keys are opaque strings: every valid key is stored faithfully, keeps its own identity (no
 * normalisation of slashes, dots, case, percent escapes or Unicode), and lists back exactly.
 * These are the keys that break naive filesystem or URL mappings.
 */
public interface KeyNamingContract extends StoreFixture {

    /** Keys that must each round-trip and list back unchanged. */
    static Stream<String> unusualKeys() {
        return Stream.of(
                "a//b", "a/b", "a///", "../x", "./x", "..", ".", "...", "x/../y", "x/./y",
                "/leading", "//double-leading", "trailing/", "trailing.", "a\\b", "\\",
                "%", "%2F", "%252F", "a%2Fb", "a+b", "a b", "with space", " leading-space", "trailing-space ",
                "Case", "case", "CASE", "?query", "#hash", "a&b=c", "~tilde", "*", ":colon", "semi;colon",
                "\"quoted\"", "<angle>", "{brace}", "|pipe",
                "\u65e5\u672c\u8a9e/\u043a\u043b\u044e\u0447", "emoji/\ud83d\ude00\ud83c\udf89",
                "\ufffd", "\ue000", "\uffef", "\ud83d\ude00", "\ud800\udc00",
                "e\u0301", "\u00e9", // decomposed and precomposed: distinct keys, no NFC/NFD folding
                "nul.txt", "con", "aux.tar");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @MethodSource("dev.cairn.blob.testkit.KeyNamingContract#unusualKeys")
    default void unusualKeyRoundTripsAndListsBackExactly(String name) {
        BlobKey k = key(name);
        put(store(), k, utf8(name));
        assertArrayEquals(utf8(name), readAll(store(), k));
        assertEquals(k, store().stat(k).key());
        assertEquals(List.of(name), listAllKeys(store(), bucket()));
        ListPage byPrefix = store().list(new ListRequest(bucket(), name, null, null, 10));
        assertEquals(List.of(name), keys(byPrefix));
    }

    @Test
    default void allUnusualKeysCoexistAsDistinctObjects() {
        List<String> names = unusualKeys().toList();
        for (String name : names) {
            put(store(), key(name), utf8(name));
        }
        for (String name : names) {
            assertArrayEquals(utf8(name), readAll(store(), key(name)), name);
        }
        List<String> expected = new ArrayList<>(names);
        expected.sort(ContractSupport.UTF8_BYTE_ORDER);
        assertEquals(expected, listAllKeys(store(), bucket()));
    }

    @Test
    default void keyOfExactly1024Utf8BytesAsOneSegment() {
        assertKeyRoundTrips("k".repeat(1024));
    }

    @Test
    default void keyOfExactly1024MultiByteUtf8BytesWithoutSlashes() {
        // 341 three-byte characters plus one ASCII byte: 1024 bytes, 342 chars.
        assertKeyRoundTrips("\u65e5".repeat(341) + "x");
    }

    @Test
    default void keyOfExactly1024Utf8BytesWithManySlashes() {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 1024) {
            sb.append("seg/");
        }
        assertKeyRoundTrips(sb.substring(0, 1023) + "z");
    }

    @Test
    default void keyOfExactly1024Utf8BytesWithFourByteCharacters() {
        assertKeyRoundTrips("\ud83d\ude00".repeat(256));
    }

    @Test
    default void objectAndFolderOfTheSameNameCoexist() {
        for (String name : List.of("a/b", "a", "a/", "a/b/c", "x", "x/y")) {
            put(store(), key(name), utf8(name));
        }
        for (String name : List.of("a", "a/", "a/b", "a/b/c", "x", "x/y")) {
            assertArrayEquals(utf8(name), readAll(store(), key(name)), name);
        }
        assertEquals(List.of("a", "a/", "a/b", "a/b/c", "x", "x/y"), listAllKeys(store(), bucket()));
        ListPage top = store().list(new ListRequest(bucket(), "", "/", null, 100));
        assertEquals(List.of("a", "x"), keys(top));
        assertEquals(List.of("a/", "x/"), top.commonPrefixes());
        ListPage inside = store().list(new ListRequest(bucket(), "a/", "/", null, 100));
        assertEquals(List.of("a/", "a/b"), keys(inside));
        assertEquals(List.of("a/b/"), inside.commonPrefixes());
    }

    @Test
    default void deletingTheObjectLeavesTheFolderAndViceVersa() {
        put(store(), key("p"), utf8("file"));
        put(store(), key("p/q"), utf8("child"));
        store().delete(key("p"));
        assertArrayEquals(utf8("child"), readAll(store(), key("p/q")));
        put(store(), key("p"), utf8("file again"));
        store().delete(key("p/q"));
        assertArrayEquals(utf8("file again"), readAll(store(), key("p")));
        assertEquals(List.of("p"), listAllKeys(store(), bucket()));
    }

    private void assertKeyRoundTrips(String name) {
        assertEquals(1024, name.getBytes(StandardCharsets.UTF_8).length, "test key length");
        BlobKey k = key(name);
        put(store(), k, utf8("long"));
        assertArrayEquals(utf8("long"), readAll(store(), k));
        assertEquals(List.of(name), listAllKeys(store(), bucket()));
        store().delete(k);
        assertEquals(List.of(), listAllKeys(store(), bucket()));
    }
}
