package dev.cairn.cache;

import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.digest.Hex;

/**
 * What a version's bytes are, independent of the key that holds them: its BLAKE3 (the composite
 * {@code <hex>-N} for a multipart object) and its size. Two versions with equal identities have
 * equal bytes, so chunks keyed by identity can never mix two versions.
 *
 * @param digest {@code b3:<blake3>}, or {@code md5:<etag>} for a store that keeps no BLAKE3
 * @param size the object's length
 */
record ContentId(String digest, long size) {

    /**
     * The identity of {@code info}'s bytes, or null when the cache cannot verify them: no BLAKE3
     * and an ETag that is not a plain MD5 (a multipart ETag of a store without BLAKE3).
     */
    static ContentId of(ObjectInfo info) {
        String b3 = info.blake3();
        if (b3 != null) {
            return new ContentId("b3:" + b3, info.size());
        }
        if (Hex.isLowerHex(info.etag(), 32)) {
            return new ContentId("md5:" + info.etag(), info.size());
        }
        return null;
    }
}
