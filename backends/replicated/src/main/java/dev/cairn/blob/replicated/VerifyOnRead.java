package dev.cairn.blob.replicated;

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

/**
 * Opens a read on one replica and checks whole-object reads against the object's stored BLAKE3
 * (composite for multipart objects). Objects up to the verify buffer are read in full and checked
 * before the caller sees a byte, so a corrupt copy is answered from another replica; larger ones
 * are checked as they stream ({@link VerifyingInputStream}). Either way a mismatch counts
 * {@code integrity.fail{reason="at_rest"}}, asks for a CORRUPT repair of that replica and marks
 * the copy suspect. Ranged reads are not checked: verifying part of an object needs a hash tree
 * the store does not keep (docs/adr/0016).
 */
final class VerifyOnRead {
    // Arrays cannot hold more than about Integer.MAX_VALUE - 8 bytes.
    private static final long MAX_BUFFER = Integer.MAX_VALUE - 8;

    private final long verifyBuffer;
    private final HedgeMetrics metrics;
    private final RepairSink repairs;
    private final HedgeSuspects suspects;

    VerifyOnRead(long verifyBuffer, HedgeMetrics metrics, RepairSink repairs, HedgeSuspects suspects) {
        this.verifyBuffer = Math.min(verifyBuffer, MAX_BUFFER);
        this.metrics = metrics;
        this.repairs = repairs;
        this.suspects = suspects;
    }

    /**
     * Reads {@code key} from {@code replica}, verified where the whole object is read.
     *
     * @throws BlobStoreException as {@link dev.cairn.blob.BlobStore#read}
     * @throws VerifyFailedException when a buffered copy did not match (counted and reported) or its
     *     stream broke; the read should be served by another replica
     */
    ObjectReader open(Replica replica, int index, BlobKey key, ReadOptions options) {
        ObjectReader reader = replica.store().read(key, options);
        try {
            ObjectInfo info = reader.info();
            ByteRange.Resolved range = reader.range();
            VerifyingDigest digest = range.offset() == 0 && range.length() == info.size() ? VerifyingDigest.expecting(info) : null;
            if (digest == null) {
                return reader;
            }
            if (info.size() <= verifyBuffer) {
                return buffered(reader, digest, replica, index, key);
            }
            InputStream checked = new VerifyingInputStream(reader.stream(), digest, info.size(), () -> corrupt(key, index));
            return new VerifiedReader(info, range, checked, reader);
        } catch (RuntimeException e) {
            closeQuietly(reader);
            throw e;
        }
    }

    private ObjectReader buffered(ObjectReader reader, VerifyingDigest digest, Replica replica, int index, BlobKey key) {
        ObjectInfo info = reader.info();
        byte[] bytes;
        try (reader) {
            bytes = reader.stream().readNBytes((int) info.size());
        } catch (IOException e) {
            throw new VerifyFailedException(new BlobStoreException(BlobError.UNAVAILABLE, replica.store().id(), key,
                    "reading the object to verify it failed", e));
        }
        digest.update(bytes, 0, bytes.length);
        if (bytes.length != info.size() || !digest.matches()) {
            corrupt(key, index);
            throw new VerifyFailedException(new BlobStoreException(BlobError.INTERNAL, replica.store().id(), key,
                    "the stored bytes do not match the object's BLAKE3 " + info.blake3()));
        }
        return new VerifiedReader(info, reader.range(), new ByteArrayInputStream(bytes), () -> { });
    }

    /**
     * Reports replica {@code index}'s copy of {@code key} as corrupt: counts it, asks reads to try
     * that copy last and queues a CORRUPT repair. Also used by the scrub, so both report alike.
     */
    void corrupt(BlobKey key, int index) {
        metrics.corruptAtRest();
        suspects.mark(key, index);
        repairs.enqueue(key, index, RepairSink.Reason.CORRUPT);
    }

    static void closeQuietly(ObjectReader reader) {
        try {
            reader.close();
        } catch (IOException | RuntimeException e) {
            // the answer is discarded; a failing close cannot change what the caller gets
        }
    }
}
