package dev.cairn.gateway.s3.ops;

import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.ForwardingMultipartBlobStore;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.WritePrecondition;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A multipart decorator whose completions wait at a gate until the test opens it, so a test
 * controls exactly how long a CompleteMultipartUpload runs (the slow store of a keep-alive test).
 */
final class GatedCompletionStore extends ForwardingMultipartBlobStore {
    private final CountDownLatch gate = new CountDownLatch(1);
    final CountDownLatch entered = new CountDownLatch(1);

    GatedCompletionStore(BlobStore store) {
        super(store);
    }

    void open() {
        gate.countDown();
    }

    @Override
    public ObjectInfo completeMultipartUpload(BlobKey key, String uploadId, List<CompletedPart> parts, WritePrecondition precondition,
            long minPartSize) {
        entered.countDown();
        try {
            if (!gate.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never opened the gate");
            }
        } catch (InterruptedException e) {
            // the keep-alive runner must never interrupt a completion: fail loudly if it does
            Thread.currentThread().interrupt();
            throw new IllegalStateException("completion interrupted", e);
        }
        return super.completeMultipartUpload(key, uploadId, parts, precondition, minPartSize);
    }
}
