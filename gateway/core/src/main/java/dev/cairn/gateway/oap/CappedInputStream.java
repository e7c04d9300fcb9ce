package dev.cairn.gateway.oap;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes at most {@code cap} bytes and throws {@link BodyTooLargeException} as soon as the
 * stream proves longer. It never asks the source for more than one byte past the cap, so no
 * consumer can buffer beyond {@code cap + 1} bytes because of it.
 */
final class CappedInputStream extends FilterInputStream {
    private final long cap;
    private final String what;
    private long count;

    /**
     * @param cap the largest number of bytes allowed
     * @param what names the limit in the exception message (e.g. {@code "oap.max-body"})
     */
    CappedInputStream(InputStream in, long cap, String what) {
        super(in);
        this.cap = cap;
        this.what = what;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        long room = cap - count + 1; // one extra byte is how we learn the body is too long
        int n = in.read(b, off, (int) Math.min(len, room));
        if (n > 0) {
            count += n;
            if (count > cap) {
                throw new BodyTooLargeException("body is larger than " + what + " (" + cap + " bytes)");
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes still count towards the cap.
        byte[] buf = new byte[(int) Math.min(8192, Math.max(1, n))];
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
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readlimit) {
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    /** Bytes passed so far. */
    long count() {
        return count;
    }
}
