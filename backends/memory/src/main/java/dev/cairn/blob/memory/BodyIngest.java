package dev.cairn.blob.memory;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.blob.digest.DigestingInputStream;
import dev.cairn.blob.digest.IntegrityException;
import java.io.IOException;
import java.util.Map;

/**
 * Reads a write's body into memory through a {@link DigestingInputStream}, reserving budget as it
 * goes. On any failure it releases what it reserved and keeps nothing; on success the caller owns
 * the reservation (exactly {@link Body#bytes()}{@code .size()} bytes).
 */
final class BodyIngest {
    /** A verified body and its digests (always B3 and MD5). */
    record Body(ChunkedBytes bytes, Map<ChecksumAlgorithm, String> digests) {
    }

    private BodyIngest() {
    }

    static Body read(BlobKey key, ObjectSource source, WriteOptions options, ByteBudget budget) {
        DigestingInputStream in = new DigestingInputStream(source.stream(), source.length(),
                options.expectedChecksums(), options.extraChecksums());
        long reserved = 0;
        boolean kept = false;
        try {
            if (source.lengthKnown()) {
                // All at once: a body that cannot fit fails before it is read, and two large
                // concurrent writes cannot each get half-way and both fail.
                budget.reserve(source.length(), key);
                reserved = source.length();
            }
            ChunkedBytes.Builder out = new ChunkedBytes.Builder(source.length());
            byte[] buf = new byte[ChunkedBytes.CHUNK];
            int n;
            while ((n = in.read(buf, 0, buf.length)) >= 0) {
                if (!source.lengthKnown()) {
                    budget.reserve(n, key);
                    reserved += n;
                }
                out.write(buf, 0, n);
            }
            Body body = new Body(out.build(), in.digests());
            kept = true;
            return body;
        } catch (IntegrityException e) {
            throw new BlobStoreException(BlobError.BAD_DIGEST, MemoryBlobStore.ID, key, e.getMessage(), e);
        } catch (IOException e) {
            throw new BlobStoreException(BlobError.INTERNAL, MemoryBlobStore.ID, key, "reading the body failed: " + e.getMessage(), e);
        } finally {
            if (!kept) {
                budget.release(reserved);
            }
        }
    }
}
