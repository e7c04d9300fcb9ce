package dev.cairn.blob.local;

import static dev.cairn.blob.local.LocalTestSupport.open;
import static dev.cairn.blob.local.LocalTestSupport.put;
import static dev.cairn.blob.local.LocalTestSupport.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BlobKey;
import dev.cairn.blob.Utf8Order;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryCursorTest {
    @TempDir
    Path root;

    private static List<String> drain(Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void walkYieldsUtf8OrderAndEverySeekYieldsTheTail() {
        Random random = new Random(7);
        String[] parts = {"a", "a!", "b", "/", "", ".", "é", "\uE000", "😀", "%", "+", "@", "z".repeat(250), "é".repeat(90)};
        TreeSet<String> keys = new TreeSet<>(Utf8Order.COMPARATOR);
        while (keys.size() < 300) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + random.nextInt(5);
            for (int i = 0; i < n; i++) {
                sb.append(parts[random.nextInt(parts.length)]);
            }
            String k = sb.toString();
            if (!k.isEmpty() && k.getBytes(StandardCharsets.UTF_8).length <= BlobKey.MAX_KEY_BYTES) {
                keys.add(k);
            }
        }
        try (LocalBlobStore store = open(root)) {
            store.createBucket("b");
            for (String k : keys) {
                put(store, new BlobKey("b", k), utf8("x"));
            }
        }
        List<String> sorted = new ArrayList<>(keys);
        DirectoryCursor cursor = new DirectoryCursor(root.resolve("buckets/b"));
        assertEquals(sorted, drain(cursor.keysFrom("")));
        for (int i = 0; i < sorted.size(); i += 7) {
            String from = sorted.get(i);
            assertEquals(sorted.subList(i, sorted.size()), drain(cursor.keysFrom(from)), "from " + from);
            String between = from + "\u0000";
            int j = i + 1;
            assertEquals(sorted.subList(j, sorted.size()), drain(cursor.keysFrom(between)), "from " + between);
        }
    }

    @Test
    void seekingPrunesSubtreesBeforeTheStart() {
        try (LocalBlobStore store = open(root)) {
            store.createBucket("b");
            for (int i = 0; i < 40; i++) {
                put(store, new BlobKey("b", "a/" + i + "/x"), utf8("x"));
            }
            put(store, new BlobKey("b", "m/1"), utf8("x"));
            put(store, new BlobKey("b", "m/2"), utf8("x"));
            put(store, new BlobKey("b", "z/1"), utf8("x"));
        }
        DirectoryCursor cursor = new DirectoryCursor(root.resolve("buckets/b"));
        Iterator<String> it = cursor.keysFrom("m/2");
        assertEquals("m/2", it.next());
        assertEquals(2, cursor.directoriesRead(), "only the bucket and m/ are listed, none of a/'s 41 directories");
        assertEquals("z/1", it.next());
        assertTrue(!it.hasNext());
        assertEquals(3, cursor.directoriesRead());
        // the pager seeks again past a common prefix: cached listings are not read twice
        assertEquals(List.of("z/1"), drain(cursor.keysFrom("n")));
        assertEquals(3, cursor.directoriesRead());
    }
}
