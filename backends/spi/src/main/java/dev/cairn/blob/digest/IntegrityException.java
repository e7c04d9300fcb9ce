package dev.cairn.blob.digest;

import java.io.IOException;

/**
 * Thrown by {@link DigestingInputStream} from the read that reaches the end of the body when the
 * body's length or a digest differs from what was declared. Because it is thrown from
 * {@code read}, any consumer (a file copy, an SDK upload) aborts instead of publishing.
 */
public final class IntegrityException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Why the body was rejected; the names are metric label values. */
    public enum Reason {
        LENGTH_MISMATCH("length_mismatch"),
        DIGEST_MISMATCH("digest_mismatch");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final Reason reason;
    private final ChecksumAlgorithm algorithm;

    public IntegrityException(Reason reason, ChecksumAlgorithm algorithm, String message) {
        super(message);
        this.reason = reason;
        this.algorithm = algorithm;
    }

    public Reason reason() {
        return reason;
    }

    /** The algorithm that mismatched, or null for a length mismatch. */
    public ChecksumAlgorithm algorithm() {
        return algorithm;
    }
}
