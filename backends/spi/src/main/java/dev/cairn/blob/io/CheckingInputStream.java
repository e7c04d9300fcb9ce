package dev.cairn.blob.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Base for body streams that inspect every byte on its way through (digests, size caps,
 * declared-length checks) and fail from {@code read}. It routes the single-byte {@code read()}
 * and {@code skip()} through {@link #read(byte[], int, int)}, so no byte can bypass the check,
 * and refuses mark/reset, which would let bytes be counted twice.
 */
public abstract class CheckingInputStream extends FilterInputStream {
    private final byte[] one = new byte[1];

    protected CheckingInputStream(InputStream in) {
        super(in);
    }

    /** Reads through the check; end of stream is where most checks make their final decision. */
    @Override
    public abstract int read(byte[] b, int off, int len) throws IOException;

    @Override
    public final int read() throws IOException {
        int n;
        do {
            n = read(one, 0, 1);
        } while (n == 0);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public final long skip(long n) throws IOException {
        if (n <= 0) {
            return 0;
        }
        byte[] buf = new byte[(int) Math.min(8192, n)];
        long left = n;
        while (left > 0) {
            int r = read(buf, 0, (int) Math.min(buf.length, left));
            if (r < 0) {
                break;
            }
            left -= r;
        }
        return n - left;
    }

    @Override
    public final boolean markSupported() {
        return false;
    }

    @Override
    public final synchronized void mark(int readlimit) {
    }

    @Override
    public final synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }
}
