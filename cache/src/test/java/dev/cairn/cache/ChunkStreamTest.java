package dev.cairn.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@link ChunkStream#transferTo} (to a stream and to a buffer sink) and {@link ChunkStream#read} serve the same bytes for every cut across chunks. */
class ChunkStreamTest {
    @Test
    void transferToMatchesReadForEveryOffsetAndLength() throws IOException {
        byte[] object = new byte[5 * 16 + 7];
        for (int i = 0; i < object.length; i++) {
            object[i] = (byte) (i * 31 + 7);
        }
        byte[][] chunks = new byte[6][];
        for (int c = 0; c < chunks.length; c++) {
            chunks[c] = Arrays.copyOfRange(object, c * 16, Math.min(object.length, (c + 1) * 16));
        }
        for (int offset = 0; offset < object.length; offset++) {
            for (int length = 0; offset + length <= object.length; length++) {
                int first = offset / 16;
                byte[][] slice = Arrays.copyOfRange(chunks, first, chunks.length);
                byte[] expected = Arrays.copyOfRange(object, offset, offset + length);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                long n = new ChunkStream(slice, offset - first * 16, length).transferTo(out);
                assertEquals(length, n);
                assertArrayEquals(expected, out.toByteArray(), offset + "+" + length);
                assertArrayEquals(expected, new ChunkStream(slice, offset - first * 16, length).readAllBytes(), offset + "+" + length);
                ByteArrayOutputStream sunk = new ByteArrayOutputStream();
                new ChunkStream(slice, offset - first * 16, length).transferTo(b -> {
                    byte[] part = new byte[b.remaining()];
                    b.get(part);
                    sunk.write(part, 0, part.length);
                });
                assertArrayEquals(expected, sunk.toByteArray(), "buffers " + offset + "+" + length);
            }
        }
    }
}
