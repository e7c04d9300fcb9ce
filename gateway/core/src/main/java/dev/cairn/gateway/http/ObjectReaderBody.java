package dev.cairn.gateway.http;

import dev.cairn.blob.ObjectReader;
import dev.cairn.blob.io.ByteSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Streams an open store read as a response body of exactly {@code reader.range().length()} bytes.
 * The reader is closed after writing, or when the response is dropped unwritten (HEAD, a client
 * that went away).
 */
public final class ObjectReaderBody implements ResponseBody {
    private final ObjectReader reader;
    private boolean closed;

    public ObjectReaderBody(ObjectReader reader) {
        this.reader = reader;
    }

    @Override
    public long length() {
        return reader.range().length();
    }

    /** @throws IOException if the store fails mid-way or yields another number of bytes than declared */
    @Override
    public void writeTo(OutputStream out) throws IOException {
        try (InputStream in = reader.stream()) {
            long copied = in.transferTo(out);
            if (copied != length()) {
                throw new IOException("store yielded " + copied + " of " + length() + " bytes");
            }
        } finally {
            close();
        }
    }

    /**
     * Uses the reader's {@link ObjectReader#transferTo} when it has one; closes the reader when it
     * wrote or failed, and leaves it open for {@link #writeTo(OutputStream)} when unsupported.
     *
     * @throws IOException if the store fails mid-way or yields another number of bytes than declared
     */
    @Override
    public boolean writeTo(ByteSink sink) throws IOException {
        long[] written = {0};
        boolean done = false;
        try {
            done = reader.transferTo(buffer -> {
                written[0] += buffer.remaining();
                sink.write(buffer);
            });
            if (done && written[0] != length()) {
                throw new IOException("store yielded " + written[0] + " of " + length() + " bytes");
            }
            return done;
        } catch (IOException | RuntimeException | Error e) {
            done = true;
            throw e;
        } finally {
            if (done) {
                close();
            }
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            reader.close();
        }
    }
}
