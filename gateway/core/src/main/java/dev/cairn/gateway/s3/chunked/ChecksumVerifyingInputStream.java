package dev.cairn.gateway.s3.chunked;

import dev.cairn.blob.io.CheckingInputStream;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.blob.digest.IntegrityException;
import dev.cairn.blob.digest.StreamingDigest;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes the body through while computing one flexible checksum, and compares it with the
 * expected value in the read that meets end of stream: for a trailer, the value only exists then.
 * On a mismatch that read throws {@link IntegrityException} ({@code DIGEST_MISMATCH}, the
 * algorithm, S3's {@code BadDigest} message) instead of returning -1, so a store that publishes on
 * end of stream never publishes (ADR 0001). A malformed expected value is {@code InvalidRequest}
 * and a missing trailer {@code MalformedTrailerError}, thrown as {@link S3RequestException} from
 * the same read. Made by {@link ChecksumIntent#verify}.
 */
public final class ChecksumVerifyingInputStream extends CheckingInputStream {
    /** The expected value, asked for once the wrapped stream has ended. */
    @FunctionalInterface
    interface Expected {
        String get() throws IOException;
    }

    private final ChecksumAlgorithm algorithm;
    private final StreamingDigest digest;
    private final Expected expected;
    private String verified;

    ChecksumVerifyingInputStream(InputStream in, ChecksumAlgorithm algorithm, Expected expected) {
        super(in);
        this.algorithm = algorithm;
        this.digest = algorithm.newDigest();
        this.expected = expected;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (verified != null) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        int n = in.read(b, off, len);
        if (n < 0) {
            String want = expected.get();
            String got = algorithm.toText(digest.finish());
            if (!got.equals(want)) {
                throw new IntegrityException(IntegrityException.Reason.DIGEST_MISMATCH, algorithm,
                        S3Checksums.badDigestMessage(algorithm));
            }
            verified = got;
            return -1;
        }
        digest.update(b, off, n);
        return n;
    }

    public ChecksumAlgorithm algorithm() {
        return algorithm;
    }

    /**
     * The verified checksum in base64, to store with the object and echo in the response.
     *
     * @throws IllegalStateException before end of stream was reached and the value matched
     */
    public String verifiedValue() {
        if (verified == null) {
            throw new IllegalStateException("the body was not read to its verified end");
        }
        return verified;
    }
}
