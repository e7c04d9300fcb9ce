package dev.cairn.blob.gcs;

import com.google.cloud.WriteChannel;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.Storage.BlobTargetOption;
import com.google.cloud.storage.Storage.BlobWriteOption;
import com.google.cloud.storage.Storage.ComposeRequest;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.blob.digest.DigestingInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes one object so that it becomes visible only after its body was read to the end and
 * verified (length, expected digests), with its metadata, in one GCS call that also checks the
 * precondition (ADR 0013):
 *
 * <ul>
 *   <li>a body of at most {@code uploadBuffer} bytes is read and verified in memory, then sent
 *       with its metadata in one request;
 *   <li>a larger body streams through a resumable upload into a temporary object that is
 *       finalized only after the last read verified it; a one-source compose then publishes it
 *       under its name with its metadata and precondition, and the temporary object is deleted.
 * </ul>
 *
 * A body that fails verification throws before any request that could publish it: the small path
 * never sends, the resumable session is abandoned unfinalized (GCS discards it).
 */
final class VerifiedUpload {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(VerifiedUpload.class);
    private static final int READ_SIZE = 64 * 1024;

    private final Storage storage;
    private final String gcsBucket;
    private final GcsNames names;
    private final int uploadBuffer;
    private final int chunkSize;

    VerifiedUpload(Storage storage, String gcsBucket, GcsNames names, int uploadBuffer, int chunkSize) {
        this.storage = storage;
        this.gcsBucket = gcsBucket;
        this.names = names;
        this.uploadBuffer = uploadBuffer;
        this.chunkSize = chunkSize;
    }

    /** What the caller's object looks like once its digests are known. */
    interface Target {
        /** The object to publish: name, content type and custom metadata (from the verified digests). */
        BlobInfo info(Map<ChecksumAlgorithm, String> digests, long size);

        /** The precondition of the publishing call (none, doesNotExist, generationMatch). */
        List<BlobTargetOption> options();
    }

    /**
     * Reads, verifies and publishes.
     *
     * @throws IOException from the body (including {@link dev.cairn.blob.digest.IntegrityException}); nothing was published
     * @throws RuntimeException from the GCS client (for {@link GcsErrors} to translate); nothing was published
     */
    Blob write(ObjectSource source, Map<ChecksumAlgorithm, String> expected, java.util.Set<ChecksumAlgorithm> extra, Target target)
            throws IOException {
        DigestingInputStream body = new DigestingInputStream(source.stream(), source.length(), expected, extra);
        ByteArrayOutputStream head = new ByteArrayOutputStream(source.lengthKnown() ? (int) Math.min(source.length(), uploadBuffer) : 8192);
        byte[] buf = new byte[READ_SIZE];
        while (head.size() <= uploadBuffer) {
            int n = body.read(buf, 0, (int) Math.min(buf.length, uploadBuffer + 1L - head.size()));
            if (n < 0) {
                // verified by the read that reached the end
                BlobInfo info = target.info(body.digests(), head.size());
                return storage.create(info, head.toByteArray(), withNoGzip(target.options()));
            }
            head.write(buf, 0, n);
        }
        return staged(body, head.toByteArray(), buf, target);
    }

    private Blob staged(DigestingInputStream body, byte[] head, byte[] buf, Target target) throws IOException {
        BlobId temp = BlobId.of(gcsBucket, names.temp(UUID.randomUUID().toString()));
        WriteChannel channel = storage.writer(BlobInfo.newBuilder(temp).setContentType("application/octet-stream").build(),
                BlobWriteOption.doesNotExist(), BlobWriteOption.disableGzipContent());
        channel.setChunkSize(chunkSize);
        boolean finalized = false;
        try {
            writeFully(channel, head, head.length);
            int n;
            while ((n = body.read(buf, 0, buf.length)) >= 0) {
                writeFully(channel, buf, n);
            }
            // The body is verified (the last read returned -1 without throwing): finalize.
            channel.close();
            finalized = true;
            BlobInfo info = target.info(body.digests(), body.count());
            ComposeRequest compose = ComposeRequest.newBuilder().addSource(temp.getName()).setTarget(info)
                    .setTargetOptions(target.options()).build();
            return storage.compose(compose);
        } finally {
            if (finalized) {
                deleteQuietly(temp);
            }
            // else: the resumable session was never finalized, so no object exists; GCS expires the session
        }
    }

    private static void writeFully(WriteChannel channel, byte[] data, int length) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(data, 0, length);
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }

    private void deleteQuietly(BlobId id) {
        try {
            storage.delete(id);
        } catch (RuntimeException e) {
            // A leftover temporary object costs storage, not correctness; a lifecycle rule on CAIRN/tmp/ removes it.
            LOG.warn("could not delete temporary object {}: {}", id.getName(), e.toString());
        }
    }

    private static BlobTargetOption[] withNoGzip(List<BlobTargetOption> options) {
        BlobTargetOption[] out = options.toArray(new BlobTargetOption[options.size() + 1]);
        out[options.size()] = BlobTargetOption.disableGzipContent();
        return out;
    }
}
