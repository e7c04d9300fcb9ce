package dev.cairn.cache;

import dev.cairn.blob.io.CheckingInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes a stream through unchanged while copying what its consumer reads into a
 * {@link ChunkBuilder}. Only bytes the consumer actually received are copied, so the copy is
 * exactly what a store consumed for a write, or what a client was sent for a read.
 */
class CapturingInputStream extends CheckingInputStream {
    private final ChunkBuilder builder;
    private boolean ended;

    CapturingInputStream(InputStream in, ChunkBuilder builder) {
        super(in);
        this.builder = builder;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            builder.append(b, off, n);
        } else if (n < 0 && !ended) {
            ended = true;
            atEnd(builder);
        }
        return n;
    }

    /** Called once, when the consumer reaches the end of the stream. */
    protected void atEnd(ChunkBuilder captured) {
    }

    /** The captured chunks, or null when the stream outgrew the builder's limit. */
    byte[][] captured() {
        return builder.chunks();
    }

    /** Bytes passed through so far. */
    long count() {
        return builder.total();
    }
}
