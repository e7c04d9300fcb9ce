package dev.cairn.gateway.s3;

import dev.cairn.gateway.s3.error.S3ErrorCode;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails with EntityTooLarge as soon as a body of unknown length passes the cap. */
final class SizeCapInputStream extends FilterInputStream {
    private final long cap;
    private long count;

    SizeCapInputStream(InputStream in, long cap) {
        super(in);
        this.cap = cap;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            count += n;
            if (count > cap) {
                throw new S3BodyException(S3ErrorCode.EntityTooLarge, "Your proposed upload exceeds the maximum allowed size of " + cap + " bytes.");
            }
        }
        return n;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
