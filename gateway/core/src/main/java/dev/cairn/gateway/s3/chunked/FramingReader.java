package dev.cairn.gateway.s3.chunked;

import dev.cairn.gateway.s3.error.S3ErrorCode;
import java.io.IOException;
import java.io.InputStream;

/**
 * Buffered reads from the raw request body: CRLF-terminated lines with a length cap, and plain
 * data. Its buffer is small and fixed, so the framing costs no per-byte calls on the raw stream
 * and never holds more than {@link #BUFFER_SIZE} bytes of read-ahead.
 */
final class FramingReader {
    static final int BUFFER_SIZE = 8192;

    private final InputStream in;
    private final byte[] buf = new byte[BUFFER_SIZE];
    private int pos;
    private int limit;
    private boolean eof;

    FramingReader(InputStream in) {
        this.in = in;
    }

    /**
     * Reads one line without its CRLF, as ISO-8859-1 (one char per byte, so callers can reject
     * anything that is not ASCII).
     *
     * @param maxLength longest line accepted, CRLF excluded
     * @param tooLong error for a longer line
     * @param what the line's role, for messages
     * @return null when the body ends before the line's first byte
     * @throws S3RequestException {@code IncompleteBody} when the body ends inside the line;
     *         {@code InvalidRequest} for a CR or LF that is not part of a CRLF; {@code tooLong}
     */
    String readLine(int maxLength, S3ErrorCode tooLong, String what) throws IOException {
        StringBuilder line = null;
        while (true) {
            if (pos == limit && !fill()) {
                if (line == null) {
                    return null;
                }
                throw new S3RequestException(S3ErrorCode.IncompleteBody, "The body ended inside a " + what + ".");
            }
            if (line == null) {
                line = new StringBuilder(96);
            }
            int b = buf[pos++] & 0xff;
            if (b == '\r') {
                int next = read();
                if (next < 0) {
                    throw new S3RequestException(S3ErrorCode.IncompleteBody, "The body ended inside a " + what + ".");
                }
                if (next != '\n') {
                    throw new S3RequestException(S3ErrorCode.InvalidRequest, "A " + what + " has a CR without LF.");
                }
                return line.toString();
            }
            if (b == '\n') {
                throw new S3RequestException(S3ErrorCode.InvalidRequest, "A " + what + " must end with CRLF, not LF.");
            }
            if (line.length() == maxLength) {
                throw new S3RequestException(tooLong, "A " + what + " is longer than " + maxLength + " bytes.");
            }
            line.append((char) b);
        }
    }

    /**
     * Consumes the CRLF that must follow chunk data.
     *
     * @throws S3RequestException {@code IncompleteBody} at end of body, {@code InvalidRequest} for other bytes
     */
    void expectCrlf(String after) throws IOException {
        int cr = read();
        int lf = cr < 0 ? -1 : read();
        if (cr < 0 || lf < 0) {
            throw new S3RequestException(S3ErrorCode.IncompleteBody, "The body ended before the CRLF after " + after + ".");
        }
        if (cr != '\r' || lf != '\n') {
            throw new S3RequestException(S3ErrorCode.InvalidRequest, "Expected CRLF after " + after + ".");
        }
    }

    /** Up to {@code len} bytes (at least one unless the body ended), or -1 at end of body. */
    int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (pos < limit) {
            int n = Math.min(len, limit - pos);
            System.arraycopy(buf, pos, b, off, n);
            pos += n;
            return n;
        }
        if (eof) {
            return -1;
        }
        if (len >= buf.length) {
            // Large reads bypass the buffer: no copy for bulk data.
            return readRaw(b, off, len);
        }
        if (!fill()) {
            return -1;
        }
        return read(b, off, len);
    }

    /** True when the body has no further bytes. */
    boolean atEnd() throws IOException {
        return pos == limit && !fill();
    }

    private int read() throws IOException {
        if (pos == limit && !fill()) {
            return -1;
        }
        return buf[pos++] & 0xff;
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n = readRaw(buf, 0, buf.length);
        if (n < 0) {
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    private int readRaw(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n == 0) {
            // InputStream promises to block for at least one byte; spinning on 0 would hang a thread.
            throw new IOException("the request body stream returned no bytes for a non-empty read");
        }
        if (n < 0) {
            eof = true;
        }
        return n;
    }
}
