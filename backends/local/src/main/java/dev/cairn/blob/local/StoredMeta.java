package dev.cairn.blob.local;

import dev.cairn.blob.BlobKey;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import java.time.Instant;
import java.util.Map;

/**
 * The metadata stored in an object file's trailer: everything in {@link ObjectInfo} except the
 * key, which the file's path names.
 */
record StoredMeta(
        long size,
        long lastModifiedMillis,
        String etag,
        String contentType,
        Map<String, String> contentHeaders,
        Map<String, String> userMetadata,
        Map<ChecksumAlgorithm, String> checksums) {

    ObjectInfo toInfo(BlobKey key) {
        return new ObjectInfo(key, size, etag, Instant.ofEpochMilli(lastModifiedMillis), contentType,
                contentHeaders, userMetadata, checksums);
    }
}
