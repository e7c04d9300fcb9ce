package dev.cairn.cache;

import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.ForwardingMultipartBlobStore;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.WritePrecondition;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import java.util.List;
import java.util.Map;

/**
 * The multipart calls of a cached multipart-capable store: forwarded, except that a completion
 * forgets the key's remembered identity, as a write does. The cache's object calls sit on top of
 * this store, so both kinds of change pass through the cache.
 */
final class CompletionHook extends ForwardingMultipartBlobStore {
    private final Identities identities;

    CompletionHook(BlobStore delegate, Identities identities) {
        super(delegate);
        this.identities = identities;
    }

    @Override
    public ObjectInfo completeMultipartUpload(BlobKey key, String uploadId, List<CompletedPart> parts, WritePrecondition precondition,
            long minPartSize, Map<ChecksumAlgorithm, String> expectedChecksums) {
        try {
            return super.completeMultipartUpload(key, uploadId, parts, precondition, minPartSize, expectedChecksums);
        } finally {
            identities.forget(key);
        }
    }
}
