package dev.cairn.blob.memory;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.WritePrecondition;

/** The write preconditions every publish (single-part write or multipart completion) checks. */
final class WritePreconditions {
    private WritePreconditions() {
    }

    /**
     * Checks {@code precondition} against the current version ({@code null} when absent).
     *
     * @throws BlobStoreException {@link BlobError#PRECONDITION_FAILED}, or {@link BlobError#NO_SUCH_KEY}
     *     for If-Match on a missing key (as S3 answers 404 there, not 412)
     */
    static void check(StoredObject current, WritePrecondition precondition, BlobKey key) {
        if (precondition instanceof WritePrecondition.IfAbsent) {
            if (current != null) {
                throw new BlobStoreException(BlobError.PRECONDITION_FAILED, MemoryBlobStore.ID, key,
                        "an object exists under the key (If-None-Match: *)");
            }
        } else if (precondition instanceof WritePrecondition.IfMatch ifMatch) {
            if (current == null) {
                throw new BlobStoreException(BlobError.NO_SUCH_KEY, MemoryBlobStore.ID, key, "If-Match on a missing key");
            }
            if (!current.info().etag().equals(ifMatch.etag())) {
                throw new BlobStoreException(BlobError.PRECONDITION_FAILED, MemoryBlobStore.ID, key, "If-Match: the current ETag differs");
            }
        }
    }
}
