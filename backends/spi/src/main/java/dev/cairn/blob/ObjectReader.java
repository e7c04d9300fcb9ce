package dev.cairn.blob;

import java.io.Closeable;
import java.io.IOException;
import dev.cairn.blob.io.ByteSink;
import java.io.InputStream;

/**
 * An open read of one version of an object. {@link #info()} describes the version whose bytes
 * {@link #stream()} yields, even if the object is overwritten while the read is open. The caller
 * must close it.
 */
public interface ObjectReader extends Closeable {

    /** The metadata of the version being read. */
    ObjectInfo info();

    /** The bytes being served: the whole object, or the resolved requested range. */
    ByteRange.Resolved range();

    /**
     * The bytes of {@link #range()}, exactly {@code range().length()} of them. The stream may
     * throw an {@link IOException} if the backend fails mid-read; it never yields bytes of
     * another version.
     */
    InputStream stream();

    /**
     * Optional fast path: writes the bytes of {@link #range()}, exactly {@code range().length()}
     * of them, to {@code sink} as buffers the reader fills or already holds (a file read into a
     * direct buffer, cached chunks), sparing the copy into a caller's array that
     * {@link #stream()} makes. A reader that cannot do better than its stream returns false at
     * once and touches nothing; the caller then uses {@link #stream()}. Use one or the other,
     * never both, on one read. Decorators that must see the bytes (verification, cache fills)
     * keep this default, so the bytes still pass through them.
     *
     * @return false if unsupported (nothing written); true once every byte was written
     * @throws IOException if the backend fails mid-read or its data ends early (some bytes may
     *         have been written: the caller must abort, not finish, what it was sending), or if
     *         the sink throws
     */
    default boolean transferTo(ByteSink sink) throws IOException {
        return false;
    }

    @Override
    void close() throws IOException;
}
