package dev.cairn.blob.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class CheckingInputStreamTest {
    /** Counts every byte that passes the check. */
    private static final class Counting extends CheckingInputStream {
        long seen;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                seen += n;
            }
            return n;
        }
    }

    @Test
    void singleByteReadsAndSkipsGoThroughTheCheck() throws IOException {
        Counting c = new Counting(new ByteArrayInputStream(new byte[20_000]));
        assertEquals(0, c.read());
        assertEquals(10_000, c.skip(10_000));
        assertEquals(1, c.seen + 0 - 10_000);
        byte[] rest = c.readAllBytes();
        assertEquals(9_999, rest.length);
        assertEquals(20_000, c.seen);
        assertEquals(-1, c.read());
        assertEquals(0, c.skip(5));
    }

    @Test
    void markAndResetAreRefused() {
        Counting c = new Counting(new ByteArrayInputStream(new byte[4]));
        assertFalse(c.markSupported());
        c.mark(10);
        assertThrows(IOException.class, c::reset);
    }
}
