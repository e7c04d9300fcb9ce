package dev.cairn.blob;

import java.io.Closeable;
import java.io.IOException;
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

    @Override
    void close() throws IOException;
}
