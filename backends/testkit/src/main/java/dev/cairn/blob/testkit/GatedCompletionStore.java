package dev.cairn.blob.testkit;

import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.ForwardingMultipartBlobStore;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.WritePrecondition;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A fault-injecting multipart decorator for tests: every completion waits at a gate until the
 * test opens it, so a test controls exactly how long a CompleteMultipartUpload runs (the slow
 * store of the gateway's keep-alive tests). Everything else is forwarded unchanged.
 */
public final class GatedCompletionStore extends ForwardingMultipartBlobStore {
    private final CountDownLatch gate = new CountDownLatch(1);
    private final CountDownLatch entered = new CountDownLatch(1);

    /** @throws IllegalArgumentException if {@code store} does not support multipart uploads */
    public GatedCompletionStore(BlobStore store) {
        super(store);
    }

    /** Lets every waiting and later completion through. */
    public void open() {
        gate.countDown();
    }

    /** Waits until a completion has reached the gate; false on timeout. */
    public boolean awaitEntered(long timeout, TimeUnit unit) throws InterruptedException {
        return entered.await(timeout, unit);
    }

    /** @throws IllegalStateException if the gate stays shut for 30 s, or the wait is interrupted */
    @Override
    public ObjectInfo completeMultipartUpload(BlobKey key, String uploadId, List<CompletedPart> parts, WritePrecondition precondition,
            long minPartSize, Map<ChecksumAlgorithm, String> expectedChecksums) {
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
        return super.completeMultipartUpload(key, uploadId, parts, precondition, minPartSize, expectedChecksums);
    }
}
