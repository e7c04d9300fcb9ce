package dev.cairn.blob;

import java.util.Iterator;

/**
 * A backend's view of one bucket's keys in UTF-8 byte order, which {@link ListPager} walks. A
 * backend implements it over its own index (a sorted map, a directory walk); the pager does the
 * prefix, delimiter and page logic once for all of them.
 */
@FunctionalInterface
public interface SortedKeyCursor {
    /**
     * Keys greater than or equal to {@code fromInclusive}, in UTF-8 byte order, produced lazily.
     * The pager calls this again with a later start to skip a rolled-up common prefix, so an
     * implementation should seek rather than scan.
     */
    Iterator<String> keysFrom(String fromInclusive);
}
