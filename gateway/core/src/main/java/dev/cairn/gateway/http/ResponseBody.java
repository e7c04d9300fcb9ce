package dev.cairn.gateway.http;

import dev.cairn.blob.io.ByteSink;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A response body written by streaming, usually with its length known before the first byte. The
 * server adapter calls {@link #writeTo} at most once and {@link #close} always, even when the
 * body is never written (a HEAD request, a client that went away), so the resources behind it
 * (an open store read) are released.
 *
 * <p>A body of {@link #UNKNOWN_LENGTH} is sent without Content-Length (chunked), and every
 * {@code flush()} it makes on the stream must reach the client at once: such a body writes as its
 * work progresses (keep-alive whitespace during a long CompleteMultipartUpload).
 */
public interface ResponseBody extends Closeable {

    /** {@link #length()} of a body whose size is known only once it is written. */
    long UNKNOWN_LENGTH = -1;

    /** The exact number of bytes {@link #writeTo} writes, or {@link #UNKNOWN_LENGTH}. */
    long length();

    /**
     * Writes the body. Throws if the source fails mid-way; the adapter must then abort the
     * response rather than pretend it completed (the declared length is not met).
     */
    void writeTo(OutputStream out) throws IOException;

    /**
     * Optional fast path: writes the body as buffers to {@code sink} (which hands them to the
     * socket without the copies an {@link OutputStream} costs), or returns false at once, having
     * written nothing, when this body has no better way than {@link #writeTo(OutputStream)}; the
     * adapter then calls that instead. Only for bodies of a known {@link #length()}.
     *
     * @return true once exactly {@link #length()} bytes were written; false if unsupported
     * @throws IOException as {@link #writeTo(OutputStream)}: the source failed mid-way or yielded
     *         another number of bytes, or the sink failed; the adapter must abort the response
     */
    default boolean writeTo(ByteSink sink) throws IOException {
        return false;
    }

    /** Releases resources; idempotent. */
    @Override
    void close() throws IOException;

    /** A body of fixed bytes. */
    static ResponseBody of(byte[] bytes) {
        return new ResponseBody() {
            @Override
            public long length() {
                return bytes.length;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                out.write(bytes);
            }

            @Override
            public void close() {
            }
        };
    }
}
