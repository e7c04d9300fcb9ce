package dev.cairn.gateway.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.ByteRange;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectReader;
import dev.cairn.blob.io.ByteSink;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** {@link ObjectReaderBody#writeTo(ByteSink)}: when it closes the reader, and that it checks the length. */
class ObjectReaderBodyTest {

    /** A reader of {@code declared} bytes whose transfer (if {@code buffers}) yields {@code bytes}. */
    private static final class Reader implements ObjectReader {
        final byte[] bytes;
        final long declared;
        final boolean buffers;
        int closes;

        Reader(byte[] bytes, long declared, boolean buffers) {
            this.bytes = bytes;
            this.declared = declared;
            this.buffers = buffers;
        }

        @Override
        public ObjectInfo info() {
            return null;
        }

        @Override
        public ByteRange.Resolved range() {
            return ByteRange.Resolved.whole(declared);
        }

        @Override
        public InputStream stream() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public boolean transferTo(ByteSink sink) throws IOException {
            if (!buffers) {
                return false;
            }
            sink.write(ByteBuffer.wrap(bytes));
            return true;
        }

        @Override
        public void close() {
            closes++;
        }
    }

    private static ByteSink into(ByteArrayOutputStream out) {
        return b -> {
            byte[] part = new byte[b.remaining()];
            b.get(part);
            out.write(part, 0, part.length);
        };
    }

    @Test
    void aTransferWritesTheBytesAndClosesTheReader() throws IOException {
        Reader reader = new Reader(new byte[] {1, 2, 3}, 3, true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ObjectReaderBody body = new ObjectReaderBody(reader)) {
            assertTrue(body.writeTo(into(out)));
            assertEquals(1, reader.closes);
        }
        assertArrayEquals(new byte[] {1, 2, 3}, out.toByteArray());
        assertEquals(1, reader.closes, "closed once");
    }

    @Test
    void anUnsupportedTransferLeavesTheReaderOpenForTheStream() throws IOException {
        Reader reader = new Reader(new byte[] {4, 5}, 2, false);
        ObjectReaderBody body = new ObjectReaderBody(reader);
        assertFalse(body.writeTo(b -> {
            throw new AssertionError("nothing may be written");
        }));
        assertEquals(0, reader.closes);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.writeTo(out);
        assertArrayEquals(new byte[] {4, 5}, out.toByteArray());
        assertEquals(1, reader.closes);
    }

    @Test
    void aShortTransferFailsAndClosesTheReader() {
        Reader reader = new Reader(new byte[10], 20, true);
        IOException e = assertThrows(IOException.class, () -> new ObjectReaderBody(reader).writeTo(into(new ByteArrayOutputStream())));
        assertTrue(e.getMessage().contains("10 of 20"), e.getMessage());
        assertEquals(1, reader.closes);
    }

    @Test
    void aFailingSinkClosesTheReader() {
        Reader reader = new Reader(new byte[10], 10, true);
        assertThrows(IOException.class, () -> new ObjectReaderBody(reader).writeTo(b -> {
            throw new IOException("gone");
        }));
        assertEquals(1, reader.closes);
    }
}
