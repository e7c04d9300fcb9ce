package dev.cairn.blob.s3;

import dev.cairn.blob.ByteRange;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * An open GET, streamed straight from the HTTP connection: nothing is buffered beyond the
 * client's socket buffer. Closing before the end aborts the connection rather than draining a
 * possibly huge rest of the body.
 */
final class S3ObjectReader implements ObjectReader {
    private final ObjectInfo info;
    private final ByteRange.Resolved range;
    private final ResponseInputStream<GetObjectResponse> body;
    private final InputStream stream;
    private long remaining;

    /** @param skip bytes to drop first, when the backend answered with more than the range */
    S3ObjectReader(ObjectInfo info, ByteRange.Resolved range, ResponseInputStream<GetObjectResponse> body, long skip) {
        this.info = info;
        this.range = range;
        this.body = body;
        this.remaining = range.length();
        this.stream = new Bounded(body, skip);
    }

    @Override
    public ObjectInfo info() {
        return info;
    }

    @Override
    public ByteRange.Resolved range() {
        return range;
    }

    @Override
    public InputStream stream() {
        return stream;
    }

    @Override
    public void close() throws IOException {
        if (remaining > 0) {
            body.abort();
        }
        body.close();
    }

    /** Yields exactly {@code range.length()} bytes after skipping {@code skip}. */
    private final class Bounded extends FilterInputStream {
        private long toSkip;

        Bounded(InputStream in, long skip) {
            super(in);
            this.toSkip = skip;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (toSkip > 0) {
                long s = in.skip(toSkip);
                if (s <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("backend body ended early");
                    }
                    s = 1;
                }
                toSkip -= s;
            }
            if (remaining == 0) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n < 0) {
                throw new IOException("backend body ended " + remaining + " bytes early");
            }
            remaining -= n;
            return n;
        }

        @Override
        public int available() throws IOException {
            return toSkip > 0 ? 0 : (int) Math.min(in.available(), remaining);
        }

        @Override
        public void close() throws IOException {
            S3ObjectReader.this.close();
        }
    }
}
