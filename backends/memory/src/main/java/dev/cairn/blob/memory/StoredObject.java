package dev.cairn.blob.memory;

import dev.cairn.blob.ObjectInfo;

/**
 * One published version: bytes and metadata in a single immutable value, so replacing the map
 * entry swaps both at once and a reader holding it can never see a mix of versions.
 */
record StoredObject(ObjectInfo info, ChunkedBytes bytes) {
    long size() {
        return bytes.size();
    }
}
