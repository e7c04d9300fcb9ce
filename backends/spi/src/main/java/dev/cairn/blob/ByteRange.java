package dev.cairn.blob;

/**
 * A requested byte range, in the three forms HTTP allows. A range is resolved against the size
 * of the version actually read, never against an earlier stat.
 */
public sealed interface ByteRange {

    /**
     * Resolves this range against an object of {@code size} bytes.
     *
     * @throws BlobStoreException with {@link BlobError#INVALID_RANGE} when no byte of the range
     *     lies inside the object (HTTP 416)
     */
    Resolved resolve(long size, String storeId, BlobKey key);

    /** {@code bytes=first-last}, both inclusive; {@code last} may exceed the object. */
    record Closed(long first, long last) implements ByteRange {
        public Closed {
            if (first < 0 || last < first) {
                throw new IllegalArgumentException("range needs 0 <= first <= last");
            }
        }

        @Override
        public Resolved resolve(long size, String storeId, BlobKey key) {
            if (first >= size) {
                throw unsatisfiable(size, storeId, key);
            }
            return new Resolved(first, Math.min(last, size - 1) - first + 1, size);
        }
    }

    /** {@code bytes=first-}. */
    record From(long first) implements ByteRange {
        public From {
            if (first < 0) {
                throw new IllegalArgumentException("range needs first >= 0");
            }
        }

        @Override
        public Resolved resolve(long size, String storeId, BlobKey key) {
            if (first >= size) {
                throw unsatisfiable(size, storeId, key);
            }
            return new Resolved(first, size - first, size);
        }
    }

    /** {@code bytes=-length}: the last {@code length} bytes. */
    record Suffix(long length) implements ByteRange {
        public Suffix {
            if (length < 0) {
                throw new IllegalArgumentException("suffix length must be >= 0");
            }
        }

        @Override
        public Resolved resolve(long size, String storeId, BlobKey key) {
            // RFC 9110: a zero-length suffix, or any suffix of an empty representation, is unsatisfiable.
            if (length == 0 || size == 0) {
                throw unsatisfiable(size, storeId, key);
            }
            long n = Math.min(length, size);
            return new Resolved(size - n, n, size);
        }
    }

    /** A satisfiable range: {@code length} bytes from {@code offset} of an object of {@code totalSize}. */
    record Resolved(long offset, long length, long totalSize) {
        public Resolved {
            if (offset < 0 || length < 0 || offset + length > totalSize) {
                throw new IllegalArgumentException("resolved range outside the object");
            }
        }

        /** The last byte's offset (inclusive). */
        public long last() {
            return offset + length - 1;
        }

        public static Resolved whole(long size) {
            return new Resolved(0, size, size);
        }
    }

    private static BlobStoreException unsatisfiable(long size, String storeId, BlobKey key) {
        return new BlobStoreException(BlobError.INVALID_RANGE, storeId, key, "range not satisfiable for size " + size);
    }
}
