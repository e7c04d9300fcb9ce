package dev.cairn.blob;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/**
 * Builds one {@link ListPage} from a {@link SortedKeyCursor}: prefix filtering, delimiter
 * roll-up, {@code startAfter} and {@code maxKeys}, the same way for every backend.
 */
public final class ListPager {
    private ListPager() {
    }

    /**
     * @param request what to list
     * @param cursor the bucket's keys in order
     * @param stat metadata of a key, or null if it vanished since the cursor saw it (it is then skipped)
     */
    public static ListPage page(ListRequest request, SortedKeyCursor cursor, Function<String, ObjectInfo> stat) {
        String prefix = request.prefix();
        String delimiter = request.delimiter();
        String after = request.startAfter();
        String start = prefix;
        if (after != null && Utf8Order.compare(after, prefix) >= 0) {
            start = after;
        }
        List<ObjectInfo> objects = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        int limit = request.maxKeys();
        String last = null;
        Iterator<String> it = cursor.keysFrom(start);
        while (it.hasNext()) {
            String key = it.next();
            if (!key.startsWith(prefix)) {
                if (Utf8Order.compare(key, prefix) > 0) {
                    break; // past every key with the prefix
                }
                continue;
            }
            if (after != null && Utf8Order.compare(key, after) <= 0) {
                continue;
            }
            String common = null;
            if (delimiter != null) {
                int at = key.indexOf(delimiter, prefix.length());
                if (at >= 0) {
                    common = key.substring(0, at + delimiter.length());
                }
            }
            if (common != null) {
                if (after != null && Utf8Order.compare(common, after) <= 0) {
                    // the previous page ended on this common prefix, or inside it
                    it = skipPast(cursor, common);
                    if (it == null) {
                        break;
                    }
                    continue;
                }
                if (objects.size() + prefixes.size() == limit) {
                    return new ListPage(objects, prefixes, true, last);
                }
                prefixes.add(common);
                last = common;
                it = skipPast(cursor, common);
                if (it == null) {
                    break;
                }
                continue;
            }
            ObjectInfo info = stat.apply(key);
            if (info == null) {
                continue;
            }
            if (objects.size() + prefixes.size() == limit) {
                return new ListPage(objects, prefixes, true, last);
            }
            objects.add(info);
            last = key;
        }
        return new ListPage(objects, prefixes, false, null);
    }

    private static Iterator<String> skipPast(SortedKeyCursor cursor, String commonPrefix) {
        String next = Utf8Order.successorOfPrefix(commonPrefix);
        return next == null ? null : cursor.keysFrom(next);
    }
}
