package dev.cairn.blob;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Objects;

/**
 * The bytes to write: a stream read once, and its declared length. A store consumes the stream
 * to its end; if the number of bytes differs from a declared length the write fails with
 * {@link BlobError#BAD_DIGEST} and nothing is published. The store does not close the stream.
 *
 * @param stream the body
 * @param length the declared length, or {@link #UNKNOWN_LENGTH}
 */
public record ObjectSource(InputStream stream, long length) {
    public static final long UNKNOWN_LENGTH = -1;

    public ObjectSource {
        Objects.requireNonNull(stream, "stream");
        if (length < UNKNOWN_LENGTH) {
            throw new IllegalArgumentException("length must be >= 0 or UNKNOWN_LENGTH");
        }
    }

    public static ObjectSource of(byte[] bytes) {
        return new ObjectSource(new ByteArrayInputStream(bytes), bytes.length);
    }

    public static ObjectSource of(byte[] bytes, int offset, int length) {
        return new ObjectSource(new ByteArrayInputStream(bytes, offset, length), length);
    }

    public static ObjectSource unknownLength(InputStream stream) {
        return new ObjectSource(stream, UNKNOWN_LENGTH);
    }

    public boolean lengthKnown() {
        return length != UNKNOWN_LENGTH;
    }
}
