package dev.cairn.blob.testkit;

import java.io.IOException;
import java.io.InputStream;

/**
 * A body that yields the first {@code failAfter} bytes of {@code data} and then throws an
 * {@link IOException}, as a client connection that drops mid-upload does. Use it to prove the
 * publish rule: a write whose stream fails must change nothing.
 */
public final class FailingInputStream extends InputStream {
    private final byte[] data;
    private final int failAfter;
    private int position;
    private boolean closed;

    /**
     * @param data the bytes the body would have had
     * @param failAfter how many of them to yield before failing, 0 to {@code data.length}
     */
    public FailingInputStream(byte[] data, int failAfter) {
        if (failAfter < 0 || failAfter > data.length) {
            throw new IllegalArgumentException("failAfter must be 0 to " + data.length);
        }
        this.data = data.clone();
        this.failAfter = failAfter;
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
        if (position >= failAfter) {
            throw new IOException("injected failure after " + failAfter + " bytes");
        }
        int n = Math.min(len, failAfter - position);
        System.arraycopy(data, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public void close() {
        closed = true;
    }

    /** Whether someone closed this stream (a store must not: the caller owns the body). */
    public boolean isClosed() {
        return closed;
    }
}
