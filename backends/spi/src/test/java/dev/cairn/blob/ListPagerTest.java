package dev.cairn.blob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ListPagerTest {
    private final TreeMap<String, ObjectInfo> keys = new TreeMap<>(Utf8Order.COMPARATOR);
    private final AtomicInteger seeks = new AtomicInteger();

    private void add(String... names) {
        for (String n : names) {
            keys.put(n, new ObjectInfo(new BlobKey("b", n), 1, "e", Instant.EPOCH, null, null, null, null));
        }
    }

    private ListPage page(String prefix, String delimiter, String after, int max) {
        return ListPager.page(new ListRequest("b", prefix, delimiter, after, max), from -> {
            seeks.incrementAndGet();
            return keys.tailMap(from, true).keySet().iterator();
        }, keys::get);
    }

    private static List<String> names(ListPage p) {
        List<String> out = new ArrayList<>();
        p.objects().forEach(o -> out.add(o.key().key()));
        return out;
    }

    @Test
    void rollsUpCommonPrefixesAndKeepsKeyAndFolderOfSameName() {
        add("a", "a/b", "a/c", "a-b", "b/x/y", "c");
        ListPage p = page("", "/", null, 1000);
        assertEquals(List.of("a", "a-b", "c"), names(p));
        assertEquals(List.of("a/", "b/"), p.commonPrefixes());
        assertFalse(p.truncated());
    }

    @Test
    void prefixAndMultiCharacterDelimiter() {
        add("x/1--a", "x/1--b", "x/2", "y");
        ListPage p = page("x/", "--", null, 1000);
        assertEquals(List.of("x/2"), names(p));
        assertEquals(List.of("x/1--"), p.commonPrefixes());
    }

    @Test
    void pagingOneByOneVisitsEveryEntryOnce() {
        add("a", "b/1", "b/2", "b/3", "c", "d/1", "e");
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        while (true) {
            ListPage p = page("", "/", after, 1);
            pages++;
            seen.addAll(names(p));
            seen.addAll(p.commonPrefixes());
            if (!p.truncated()) {
                break;
            }
            after = p.nextStartAfter();
        }
        assertEquals(List.of("a", "b/", "c", "d/", "e"), seen);
        assertEquals(5, pages);
    }

    @Test
    void exactlyFullPageIsNotTruncated() {
        add("a", "b");
        ListPage p = page("", null, null, 2);
        assertEquals(List.of("a", "b"), names(p));
        assertFalse(p.truncated());
        ListPage q = page("", null, null, 1);
        assertTrue(q.truncated());
        assertEquals("a", q.nextStartAfter());
    }

    @Test
    void startAfterInsideACommonPrefixSkipsIt() {
        add("a/1", "a/2", "b");
        ListPage p = page("", "/", "a/1", 10);
        assertEquals(List.of("b"), names(p));
        assertEquals(List.of(), p.commonPrefixes());
    }

    @Test
    void aLargeCommonPrefixIsSkippedBySeekingNotScanning() {
        for (int i = 0; i < 10_000; i++) {
            add("big/" + i);
        }
        add("z");
        ListPage p = page("", "/", null, 1000);
        assertEquals(List.of("big/"), p.commonPrefixes());
        assertEquals(List.of("z"), names(p));
        assertTrue(seeks.get() <= 3, "seeks: " + seeks.get());
    }

    @Test
    void vanishedKeysAreSkipped() {
        add("a", "b", "c");
        Map<String, ObjectInfo> snapshot = new TreeMap<>(keys);
        ListPage p = ListPager.page(new ListRequest("b", "", null, null, 10),
                from -> snapshot.keySet().stream().filter(k -> k.compareTo(from) >= 0).iterator(),
                k -> k.equals("b") ? null : keys.get(k));
        assertEquals(List.of("a", "c"), names(p));
    }
}
