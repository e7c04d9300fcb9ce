package dev.cairn.blob;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param objects objects in UTF-8 key order
 * @param commonPrefixes rolled-up prefixes in UTF-8 order (only with a delimiter)
 * @param truncated true when more entries follow
 * @param nextStartAfter when truncated, the value to pass as {@code startAfter} for the next page
 *     (the last key or common prefix of this page); otherwise null
 */
public record ListPage(List<ObjectInfo> objects, List<String> commonPrefixes, boolean truncated, String nextStartAfter) {
    public ListPage {
        objects = List.copyOf(objects);
        commonPrefixes = List.copyOf(commonPrefixes);
        if (truncated && nextStartAfter == null) {
            throw new IllegalArgumentException("a truncated page needs nextStartAfter");
        }
    }
}
