package dev.cairn.blob.digest;

/** An incremental digest or checksum. Not thread-safe; one per stream. */
public interface StreamingDigest {
    void update(byte[] buf, int off, int len);

    /** Finishes the computation and returns the raw digest bytes; the digest is not reusable after. */
    byte[] finish();
}
