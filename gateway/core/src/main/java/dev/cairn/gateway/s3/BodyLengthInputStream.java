package dev.cairn.gateway.s3;

import dev.cairn.blob.io.CheckingInputStream;
import dev.cairn.gateway.s3.error.S3ErrorCode;
import java.io.IOException;
import java.io.InputStream;

/**
 * Holds a plain (not aws-chunked) body to its size rules while it streams: a body of unknown
 * length fails with EntityTooLarge as soon as it passes the cap, and a body that ends before its
 * Content-Length is the client's IncompleteBody, not a digest problem of the store's (which is
 * what the store's own length check would report).
 */
final class BodyLengthInputStream extends CheckingInputStream {
    private final long declared;
    private final long cap;
    private long count;

    /**
     * @param declared the Content-Length, or -1 when the client sent none
     * @param cap the most bytes accepted
     */
    BodyLengthInputStream(InputStream in, long declared, long cap) {
        super(in);
        this.declared = declared;
        this.cap = cap;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n < 0) {
            if (declared >= 0 && count < declared) {
                throw new S3BodyException(S3ErrorCode.IncompleteBody,
                        "The body has " + count + " bytes but Content-Length declared " + declared + ".");
            }
            return n;
        }
        count += n;
        if (count > cap) {
            throw new S3BodyException(S3ErrorCode.EntityTooLarge, "Your proposed upload exceeds the maximum allowed size of " + cap + " bytes.");
        }
        return n;
    }
}
