package dev.cairn.blob.gcs;

import com.google.cloud.ReadChannel;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.Storage;
import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.ByteRange;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectReader;
import dev.cairn.blob.ReadOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;

/**
 * Reads: stat the current generation, evaluate the conditions and resolve the range against it,
 * then stream exactly that range of exactly that generation through a {@link ReadChannel}.
 *
 * <p>The first bytes are fetched before {@code read} returns, so the download is open on the
 * version the caller was told about: a later overwrite cannot swap the bytes under an open read
 * (GCS keeps serving a download that has started). If the generation vanishes between the stat
 * and that first fetch (an overwrite in between), the read starts again on the new generation.
 */
final class GcsReads {
    private static final int FIRST_FETCH = 64 * 1024;
    /** Tries against a key overwritten faster than stat-then-open; the last failure is UNAVAILABLE (retryable). */
    private static final int ATTEMPTS = 20;

    private final Storage storage;
    private final String gcsBucket;
    private final GcsNames names;
    private final BucketCheck buckets;

    /** Tells a missing key from a missing bucket once a stat found nothing. */
    interface BucketCheck {
        BlobStoreException missing(BlobKey key);
    }

    GcsReads(Storage storage, String gcsBucket, GcsNames names, BucketCheck buckets) {
        this.storage = storage;
        this.gcsBucket = gcsBucket;
        this.names = names;
        this.buckets = buckets;
    }

    Blob current(BlobKey key) {
        Blob blob;
        try {
            blob = storage.get(BlobId.of(gcsBucket, names.object(key)));
        } catch (RuntimeException e) {
            throw GcsErrors.translate(e, BlobError.NO_SUCH_KEY, null, key, "stat");
        }
        if (blob == null) {
            throw buckets.missing(key);
        }
        return blob;
    }

    ObjectReader read(BlobKey key, ReadOptions options) {
        for (int attempt = 1; ; attempt++) {
            Blob blob = current(key);
            ObjectInfo info = GcsMetadata.toInfo(key, blob);
            options.conditions().check(info.etag(), info.lastModified(), GcsBlobStore.ID, key);
            ByteRange.Resolved range = options.range() == null ? ByteRange.Resolved.whole(info.size())
                    : options.range().resolve(info.size(), GcsBlobStore.ID, key);
            if (range.length() == 0) {
                return new GcsObjectReader(info, range, InputStream.nullInputStream(), null);
            }
            ReadChannel channel = null;
            try {
                channel = storage.reader(BlobId.of(gcsBucket, blob.getName(), blob.getGeneration()));
                channel.seek(range.offset());
                channel.limit(range.offset() + range.length());
                byte[] first = fetch(channel, (int) Math.min(FIRST_FETCH, range.length()));
                InputStream rest = first.length == range.length() ? InputStream.nullInputStream() : Channels.newInputStream(channel);
                return new GcsObjectReader(info, range, new SequenceInputStream(new ByteArrayInputStream(first), rest), channel);
            } catch (IOException | RuntimeException e) {
                closeQuietly(channel);
                if (GcsErrors.isNotFound(e) && attempt < ATTEMPTS) {
                    pause(attempt); // overwritten or deleted since the stat: look again, giving the writer room
                    continue;
                }
                if (GcsErrors.isNotFound(e)) {
                    throw new BlobStoreException(BlobError.UNAVAILABLE, GcsBlobStore.ID, key, "the object kept changing during the read", e);
                }
                throw GcsErrors.translate(e instanceof RuntimeException r ? r : new IllegalStateException(e), BlobError.NO_SUCH_KEY,
                        null, key, "read");
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 2 + Math.min(attempt, 10) * 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] fetch(ReadChannel channel, int n) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(n);
        while (buf.hasRemaining()) {
            if (channel.read(buf) < 0) {
                break;
            }
        }
        byte[] out = new byte[buf.position()];
        buf.flip().get(out);
        return out;
    }

    private static void closeQuietly(ReadChannel channel) {
        if (channel != null) {
            channel.close();
        }
    }
}
