package dev.cairn.blob.testkit;

import static dev.cairn.blob.testkit.ContractSupport.entries;
import static dev.cairn.blob.testkit.ContractSupport.keys;
import static dev.cairn.blob.testkit.ContractSupport.listAllKeys;
import static dev.cairn.blob.testkit.ContractSupport.put;
import static dev.cairn.blob.testkit.ContractSupport.utf8;
import static dev.cairn.blob.testkit.ContractSupport.walk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.ListPage;
import dev.cairn.blob.ListRequest;
import dev.cairn.blob.ObjectInfo;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Listing: UTF-8 byte order, prefix, delimiter roll-up (including multi-character delimiters),
 * {@code startAfter}, and paging that visits every entry exactly once and reports
 * {@code truncated} only when more entries follow.
 */
public interface ListingContract extends StoreFixture {

    /** Keys with folders at several depths, used by the paging tests. */
    List<String> TREE = List.of("a", "a/1", "a/2", "a/x/deep", "b", "c/1", "c/2", "d", "e/f/g", "e/h", "z");

    private void putAll(List<String> names) {
        for (String name : names) {
            put(store(), key(name), utf8(name));
        }
    }

    private ListPage list(String prefix, String delimiter, String startAfter, int maxKeys) {
        return store().list(new ListRequest(bucket(), prefix, delimiter, startAfter, maxKeys));
    }

    @Test
    default void emptyBucketListsNothing() {
        ListPage page = list("", null, null, 1000);
        assertEquals(List.of(), page.objects());
        assertEquals(List.of(), page.commonPrefixes());
        assertFalse(page.truncated());
        assertNull(page.nextStartAfter());
    }

    @Test
    default void keysListInUtf8ByteOrderNotJavaStringOrder() {
        // U+E000 and U+FFFD sort before U+1F600 in UTF-8 (EE.., EF.. < F0..) but after it in
        // UTF-16, which is the order String.compareTo gives.
        List<String> names = List.of("\ud83d\ude00", "\ue000", "\ufffd", "z", "A", "a", "\u00e9", "~", "0", "a/b",
                "a-b", "a.b", "\ud800\udc00", "\u07ff", "\u0800", "\u007f");
        putAll(names);
        List<String> expected = new ArrayList<>(names);
        expected.sort(ContractSupport.UTF8_BYTE_ORDER);
        assertEquals(expected, listAllKeys(store(), bucket()));
        List<String> listed = listAllKeys(store(), bucket());
        assertTrue(listed.indexOf("\ue000") < listed.indexOf("\ud83d\ude00"), "U+E000 sorts before U+1F600");
        assertTrue(listed.indexOf("\ufffd") < listed.indexOf("\ud800\udc00"), "U+FFFD sorts before U+10000");
    }

    @Test
    default void listedEntriesCarryTheSameMetadataAsStat() {
        putAll(List.of("m/1", "m/2"));
        for (ObjectInfo listed : list("", null, null, 1000).objects()) {
            ObjectInfo stat = store().stat(listed.key());
            assertEquals(stat.size(), listed.size());
            assertEquals(stat.etag(), listed.etag());
            assertEquals(bucket(), listed.key().bucket());
        }
    }

    @Test
    default void prefixSelectsKeysStartingWithIt() {
        putAll(List.of("a/1", "a/2", "ab", "b", "a", "\u00e0"));
        assertEquals(List.of("a/1", "a/2"), keys(list("a/", null, null, 1000)));
        assertEquals(List.of("a", "a/1", "a/2", "ab"), keys(list("a", null, null, 1000)));
        assertEquals(List.of(), keys(list("c", null, null, 1000)));
        assertEquals(List.of("\u00e0"), keys(list("\u00e0", null, null, 1000)));
    }

    @Test
    default void slashDelimiterRollsUpCommonPrefixes() {
        putAll(List.of("a", "a/b", "a/c/d", "b/x", "b/y/z", "c"));
        ListPage top = list("", "/", null, 1000);
        assertEquals(List.of("a", "c"), keys(top));
        assertEquals(List.of("a/", "b/"), top.commonPrefixes());
        ListPage inA = list("a/", "/", null, 1000);
        assertEquals(List.of("a/b"), keys(inA));
        assertEquals(List.of("a/c/"), inA.commonPrefixes());
        ListPage partial = list("b", "/", null, 1000);
        assertEquals(List.of(), keys(partial));
        assertEquals(List.of("b/"), partial.commonPrefixes());
    }

    @Test
    default void multiCharacterDelimiterRollsUpCommonPrefixes() {
        putAll(List.of("x--1--2", "x--3", "x-4", "y", "z--"));
        ListPage top = list("", "--", null, 1000);
        assertEquals(List.of("x-4", "y"), keys(top));
        assertEquals(List.of("x--", "z--"), top.commonPrefixes());
        ListPage inX = list("x--", "--", null, 1000);
        assertEquals(List.of("x--3"), keys(inX));
        assertEquals(List.of("x--1--"), inX.commonPrefixes());
    }

    @Test
    default void nonAsciiDelimiterRollsUpCommonPrefixes() {
        putAll(List.of("k\u00b7v\u00b7w", "k\u00b7u", "kv"));
        ListPage top = list("", "\u00b7", null, 1000);
        assertEquals(List.of("kv"), keys(top));
        assertEquals(List.of("k\u00b7"), top.commonPrefixes());
    }

    @ParameterizedTest(name = "maxKeys={0}")
    @ValueSource(ints = {1, 2, 3, 1000})
    default void pagingWithoutDelimiterVisitsEveryKeyExactlyOnce(int maxKeys) {
        putAll(TREE);
        assertEquals(TREE, walk(store(), new ListRequest(bucket(), "", null, null, maxKeys)));
    }

    @ParameterizedTest(name = "maxKeys={0}")
    @ValueSource(ints = {1, 2, 3, 1000})
    default void pagingWithDelimiterVisitsEveryEntryExactlyOnce(int maxKeys) {
        putAll(TREE);
        List<String> expected = List.of("a", "a/", "b", "c/", "d", "e/", "z");
        assertEquals(expected, walk(store(), new ListRequest(bucket(), "", "/", null, maxKeys)));
        assertEquals(List.of("a/1", "a/2", "a/x/"), walk(store(), new ListRequest(bucket(), "a/", "/", null, maxKeys)));
    }

    @Test
    default void pagesOfOneReportTruncationAndTheNextStartAfter() {
        putAll(List.of("p1", "p2", "p3"));
        ListPage first = list("", null, null, 1);
        assertEquals(List.of("p1"), keys(first));
        assertTrue(first.truncated());
        assertEquals("p1", first.nextStartAfter());
        ListPage second = list("", null, first.nextStartAfter(), 1);
        assertEquals(List.of("p2"), keys(second));
        assertTrue(second.truncated());
        ListPage last = list("", null, second.nextStartAfter(), 1);
        assertEquals(List.of("p3"), keys(last));
        assertFalse(last.truncated(), "no entry follows the last one");
        assertNull(last.nextStartAfter());
    }

    @Test
    default void pageThatExactlyFillsIsNotTruncated() {
        putAll(List.of("q1", "q2", "q3"));
        ListPage page = list("", null, null, 3);
        assertEquals(List.of("q1", "q2", "q3"), keys(page));
        assertFalse(page.truncated());
        assertNull(page.nextStartAfter());
        putAll(List.of("r/1", "r/2", "s"));
        ListPage rolled = list("r", "/", null, 1);
        assertEquals(List.of("r/"), rolled.commonPrefixes());
        assertFalse(rolled.truncated(), "the roll-up is the only entry under the prefix");
    }

    @Test
    default void commonPrefixesCountTowardsMaxKeys() {
        putAll(List.of("a/1", "b", "c/1", "c/2", "d"));
        ListPage first = list("", "/", null, 2);
        assertEquals(List.of("a/", "b"), entries(first));
        assertTrue(first.truncated());
        assertEquals("b", first.nextStartAfter());
        ListPage second = list("", "/", first.nextStartAfter(), 2);
        assertEquals(List.of("c/", "d"), entries(second));
        assertFalse(second.truncated());
        ListPage byPrefix = list("", "/", null, 1);
        assertEquals(List.of("a/"), entries(byPrefix));
        assertEquals("a/", byPrefix.nextStartAfter());
    }

    @Test
    default void startAfterSkipsKeysUpToAndIncludingIt() {
        putAll(List.of("a/1", "a/2", "a/3", "b"));
        assertEquals(List.of("a/3", "b"), keys(list("", null, "a/2", 1000)));
        assertEquals(List.of("a/2", "a/3", "b"), keys(list("", null, "a/10", 1000)), "startAfter need not exist");
        assertEquals(List.of(), keys(list("", null, "zzz", 1000)));
        assertEquals(List.of("a/1", "a/2", "a/3", "b"), keys(list("", null, "0", 1000)));
    }

    @Test
    default void startAfterCombinesWithPrefix() {
        putAll(List.of("a/1", "a/2", "b/1", "b/2"));
        assertEquals(List.of("b/1", "b/2"), keys(list("b/", null, "a/9", 1000)), "startAfter before the prefix");
        assertEquals(List.of("b/2"), keys(list("b/", null, "b/1", 1000)));
        assertEquals(List.of(), keys(list("a/", null, "b", 1000)), "startAfter past the prefix");
    }

    @Test
    default void startAfterACommonPrefixSkipsTheWholeRollUp() {
        putAll(List.of("a/1", "a/2", "b"));
        ListPage page = list("", "/", "a/", 1000);
        assertEquals(List.of("b"), keys(page));
        assertEquals(List.of(), page.commonPrefixes());
    }

    @Test
    default void startAfterUsesUtf8Order() {
        putAll(List.of("\ue000", "\ud83d\ude00", "\ufffd"));
        assertEquals(List.of("\ufffd", "\ud83d\ude00"), keys(list("", null, "\ue000", 1000)));
        assertEquals(List.of(), keys(list("", null, "\ud83d\ude00", 1000)));
    }

    @Test
    default void deletedKeysLeaveNoPhantomEntriesOrPrefixes() {
        putAll(List.of("d/x", "d/e/f", "keep"));
        store().delete(key("d/x"));
        store().delete(key("d/e/f"));
        ListPage top = list("", "/", null, 1000);
        assertEquals(List.of("keep"), keys(top));
        assertEquals(List.of(), top.commonPrefixes(), "no d/ once nothing lives under it");
        assertEquals(List.of(), keys(list("d/", null, null, 1000)));
        assertEquals(List.of(), entries(list("d/", "/", null, 1000)));
        assertEquals(List.of("keep"), listAllKeys(store(), bucket()));
    }

    @Test
    default void listingSeesOverwritesAsOneEntryWithTheNewSize() {
        put(store(), key("o"), utf8("short"));
        put(store(), key("o"), utf8("much longer"));
        ListPage page = list("", null, null, 1000);
        assertEquals(1, page.objects().size());
        ObjectInfo info = page.objects().get(0);
        assertNotNull(info);
        assertEquals(11, info.size());
    }
}
