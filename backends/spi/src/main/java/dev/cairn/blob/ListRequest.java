package dev.cairn.blob;

/**
 * One page of a listing, in UTF-8 byte order of the keys.
 *
 * @param bucket the bucket to list
 * @param prefix only keys starting with this; "" for all
 * @param delimiter if non-null and non-empty, keys containing it after the prefix are rolled up
 *     into one common prefix each (up to and including the first delimiter after the prefix)
 * @param startAfter only keys (and common prefixes) sorting strictly after this; null for none
 * @param maxKeys the most entries (objects plus common prefixes) in the page, 1 to {@value #MAX_KEYS}
 * @throws IllegalArgumentException for a bad bucket name or maxKeys out of range
 */
public record ListRequest(String bucket, String prefix, String delimiter, String startAfter, int maxKeys) {
    public static final int MAX_KEYS = 1000;

    public ListRequest {
        BlobKey.requireValidBucket(bucket);
        prefix = prefix == null ? "" : prefix;
        delimiter = delimiter == null || delimiter.isEmpty() ? null : delimiter;
        startAfter = startAfter == null || startAfter.isEmpty() ? null : startAfter;
        if (maxKeys < 1 || maxKeys > MAX_KEYS) {
            throw new IllegalArgumentException("maxKeys must be 1 to " + MAX_KEYS);
        }
    }

    public static ListRequest all(String bucket) {
        return new ListRequest(bucket, "", null, null, MAX_KEYS);
    }
}
