package dev.cairn.cache;

/** One chunk of one identity: bytes {@code [index * chunkSize, (index + 1) * chunkSize)} of it. */
record ChunkKey(ContentId id, long index) {
}
