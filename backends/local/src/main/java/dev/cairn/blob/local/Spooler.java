package dev.cairn.blob.local;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.blob.digest.DigestingInputStream;
import dev.cairn.blob.digest.IntegrityException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * Streams a body into a new temporary object file: the bytes through a
 * {@link DigestingInputStream} (which verifies the declared length and expected digests before
 * reporting end of stream), then the metadata trailer, then an fsync. The data is written once.
 */
final class Spooler {
    private static final int BUFFER = 64 * 1024;
    /** How often a long write re-checks the free-space floor. */
    private static final long SPACE_CHECK_INTERVAL = 16L << 20;

    private final String storeId;
    private final FreeSpace freeSpace;
    private final Durability durability;

    Spooler(String storeId, FreeSpace freeSpace, Durability durability) {
        this.storeId = storeId;
        this.freeSpace = freeSpace;
        this.durability = durability;
    }

    /**
     * Writes {@code tmp} (which must not exist) and returns the metadata it holds.
     *
     * @throws IntegrityException when the length or a digest does not match
     * @throws BodyReadException when the body stream fails
     * @throws BlobStoreException {@link BlobError#INSUFFICIENT_STORAGE} when the write would cross the floor
     * @throws IOException when the file cannot be written
     */
    StoredMeta spool(BlobKey key, Path tmp, ObjectSource source, WriteOptions options) throws IOException {
        DigestingInputStream body = new DigestingInputStream(
                source.stream(), source.length(), options.expectedChecksums(), options.extraChecksums());
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            byte[] buf = new byte[BUFFER];
            ByteBuffer wrapped = ByteBuffer.wrap(buf);
            long nextSpaceCheck = SPACE_CHECK_INTERVAL;
            while (true) {
                int n = readBody(body, buf);
                if (n < 0) {
                    break;
                }
                wrapped.clear().limit(n);
                while (wrapped.hasRemaining()) {
                    out.write(wrapped);
                }
                if (body.count() >= nextSpaceCheck) {
                    requireSpace(key, 0);
                    nextSpaceCheck = body.count() + SPACE_CHECK_INTERVAL;
                }
            }
            Map<ChecksumAlgorithm, String> digests = body.digests();
            StoredMeta meta = new StoredMeta(body.count(), System.currentTimeMillis(), digests.get(ChecksumAlgorithm.MD5),
                    options.contentType() == null || options.contentType().isEmpty()
                            ? dev.cairn.blob.ObjectInfo.DEFAULT_CONTENT_TYPE : options.contentType(),
                    options.contentHeaders(), options.userMetadata(), digests);
            ByteBuffer trailer = ByteBuffer.wrap(ObjectFormat.trailer(meta));
            while (trailer.hasRemaining()) {
                out.write(trailer);
            }
            durability.syncFile(out);
            return meta;
        }
    }

    /** Fails when writing {@code upcoming} more bytes would go below the free-space floor. */
    void requireSpace(BlobKey key, long upcoming) throws IOException {
        String shortfall = freeSpace.shortfall(upcoming);
        if (shortfall != null) {
            throw new BlobStoreException(BlobError.INSUFFICIENT_STORAGE, storeId, key, shortfall);
        }
    }

    private static int readBody(DigestingInputStream body, byte[] buf) throws IOException {
        try {
            return body.read(buf, 0, buf.length);
        } catch (IntegrityException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            if (e instanceof BlobStoreException bse) {
                throw bse;
            }
            throw new BodyReadException(e);
        }
    }
}
