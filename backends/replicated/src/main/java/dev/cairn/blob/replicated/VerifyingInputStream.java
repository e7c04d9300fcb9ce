package dev.cairn.blob.replicated;

import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.blob.digest.IntegrityException;
import dev.cairn.blob.io.CheckingInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A whole-object read stream checked against the object's stored BLAKE3 as it passes. The check
 * runs on the read that brings the count to the object's length, and a mismatch is thrown from
 * that read instead of returning its bytes: a consumer that stops after exactly
 * {@code length} bytes, and one that reads on to the end, both see an error, never a clean end
 * of corrupt bytes. Every later read throws too.
 */
final class VerifyingInputStream extends CheckingInputStream {
    private final VerifyingDigest digest;
    private final long length;
    private final Runnable onMismatch;
    private long count;
    private boolean verified;
    private IOException failure;

    /**
     * @param length the object's size; the stream must yield exactly this many bytes
     * @param onMismatch run once, before the error is thrown, when the bytes do not match
     */
    VerifyingInputStream(InputStream in, VerifyingDigest digest, long length, Runnable onMismatch) {
        super(in);
        this.digest = digest;
        this.length = length;
        this.onMismatch = onMismatch;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (failure != null) {
            throw new IOException(failure.getMessage(), failure);
        }
        if (len == 0) {
            return 0;
        }
        if (verified) {
            return in.read(b, off, len) < 0 ? -1 : fail(new IOException("replica stream is longer than the object's " + length + " bytes"));
        }
        int n = in.read(b, off, len);
        if (n < 0) {
            if (count < length) {
                return fail(new IOException("replica stream ended after " + count + " of " + length + " bytes"));
            }
            verify();
            return -1;
        }
        count += n;
        if (count > length) {
            return fail(new IOException("replica stream is longer than the object's " + length + " bytes"));
        }
        digest.update(b, off, n);
        if (count == length) {
            verify();
        }
        return n;
    }

    private void verify() throws IOException {
        if (!digest.matches()) {
            onMismatch.run();
            fail(new IntegrityException(IntegrityException.Reason.DIGEST_MISMATCH, ChecksumAlgorithm.B3,
                    "the replica's bytes do not match the object's stored BLAKE3"));
        }
        verified = true;
    }

    private int fail(IOException e) throws IOException {
        failure = e;
        throw e;
    }
}
