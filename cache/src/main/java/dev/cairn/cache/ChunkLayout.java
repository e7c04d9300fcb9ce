package dev.cairn.cache;

/** Where the bytes of an object of a given size fall in chunks of one size. */
record ChunkLayout(int chunkSize) {

    /** How many chunks hold {@code size} bytes (0 for an empty object). */
    int count(long size) {
        return Math.toIntExact((size + chunkSize - 1) / chunkSize);
    }

    /** The chunk holding byte {@code offset}. */
    int indexOf(long offset) {
        return Math.toIntExact(offset / chunkSize);
    }

    /** The length of chunk {@code index} of an object of {@code size} bytes (the last may be short). */
    int length(int index, long size) {
        return (int) Math.min(chunkSize, size - (long) index * chunkSize);
    }
}
