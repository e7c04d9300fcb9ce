package dev.cairn.gateway.oap;

import dev.cairn.blob.io.CheckingInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes at most {@code cap} bytes and throws {@link BodyTooLargeException} as soon as the
 * stream proves longer. It never asks the source for more than one byte past the cap, so no
 * consumer can buffer beyond {@code cap + 1} bytes because of it.
 */
final class CappedInputStream extends CheckingInputStream {
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

    /** Bytes passed so far. */
    long count() {
        return count;
    }
}
