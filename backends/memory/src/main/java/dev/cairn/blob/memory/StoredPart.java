package dev.cairn.blob.memory;

import dev.cairn.blob.SupportsMultipart.PartInfo;

/** One verified part of an upload in progress: its description and its bytes. */
record StoredPart(PartInfo info, ChunkedBytes bytes) {
    long size() {
        return bytes.size();
    }
}
