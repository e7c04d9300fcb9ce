package dev.cairn.blob.replicated;

import io.micrometer.core.instrument.Counter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;

/**
 * A stream whose bytes are charged to a {@link TokenBucket} and counted as they are read, so a
 * repair moves at its configured pace and {@code repair_bytes_total} counts exactly the bytes that
 * moved (a repair that fails half-way counts the half it moved).
 */
final class PacedInputStream extends FilterInputStream {
    private final TokenBucket pacer;
    private final Counter moved;

    PacedInputStream(InputStream in, TokenBucket pacer, Counter moved) {
        super(in);
        this.pacer = pacer;
        this.moved = moved;
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
            moved.increment(n);
            try {
                pacer.acquire(n);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("repair interrupted");
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // skipping would move bytes without pacing them; repairs never skip
        throw new IOException("a paced stream does not skip");
    }
}
