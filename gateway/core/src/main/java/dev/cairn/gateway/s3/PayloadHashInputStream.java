package dev.cairn.gateway.s3;

import dev.cairn.blob.io.CheckingInputStream;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.blob.digest.Hex;
import dev.cairn.blob.digest.StreamingDigest;
import dev.cairn.gateway.s3.error.S3ErrorCode;
import java.io.IOException;
import java.io.InputStream;

/**
 * Checks the SHA-256 a header-signed request declared in {@code x-amz-content-sha256}: the
 * signature covers that declaration, so the body must match it. Fails in the read that reaches
 * the end of the body, before the consumer sees end of stream.
 */
final class PayloadHashInputStream extends CheckingInputStream {
    private final String expectedHex;
    private final StreamingDigest sha256 = ChecksumAlgorithm.SHA256.newDigest();
    private boolean done;

    PayloadHashInputStream(InputStream in, String expectedHex) {
        super(in);
        this.expectedHex = expectedHex;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (done) {
            return -1;
        }
        int n = in.read(b, off, len);
        if (n < 0) {
            if (!Hex.encode(sha256.finish()).equals(expectedHex)) {
                throw new S3BodyException(S3ErrorCode.XAmzContentSHA256Mismatch, null);
            }
            done = true;
            return -1;
        }
        sha256.update(b, off, n);
        return n;
    }

}
