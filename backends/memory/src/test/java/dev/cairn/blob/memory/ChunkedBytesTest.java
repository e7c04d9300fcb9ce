package dev.cairn.blob.memory;

import static dev.cairn.blob.testkit.ContractSupport.randomBytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Concatenated values read like one: chunk boundaries of different sizes anywhere in the middle. */
class ChunkedBytesTest {

    private static ChunkedBytes of(byte[] data, boolean lengthKnown) {
        ChunkedBytes.Builder b = new ChunkedBytes.Builder(lengthKnown ? data.length : -1);
        b.write(data, 0, data.length);
        return b.build();
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void concatenationReadsEveryRangeAsTheJoinedBytes() throws IOException {
        int[] sizes = {1, ChunkedBytes.CHUNK + 17, 0, 3, ChunkedBytes.CHUNK, 1000};
        List<ChunkedBytes> parts = new ArrayList<>();
        byte[] all = new byte[0];
        for (int i = 0; i < sizes.length; i++) {
            byte[] p = randomBytes(sizes[i], i);
            parts.add(of(p, i % 2 == 0));
            byte[] joined = Arrays.copyOf(all, all.length + p.length);
            System.arraycopy(p, 0, joined, all.length, p.length);
            all = joined;
        }
        ChunkedBytes whole = ChunkedBytes.concat(parts);
        assertEquals(all.length, whole.size());
        for (long offset : new long[] {0, 1, 2, ChunkedBytes.CHUNK, ChunkedBytes.CHUNK + 17, ChunkedBytes.CHUNK + 18, all.length - 1}) {
            for (long length : new long[] {0, 1, 2, 999, all.length - offset}) {
                if (offset + length > all.length) {
                    continue;
                }
                byte[] expected = Arrays.copyOfRange(all, (int) offset, (int) (offset + length));
                try (InputStream in = whole.open(offset, length)) {
                    assertArrayEquals(expected, in.readAllBytes(), "bulk read at " + offset + "+" + length);
                }
                try (InputStream in = whole.open(offset, length)) {
                    byte[] single = new byte[(int) length];
                    for (int i = 0; i < length; i++) {
                        single[i] = (byte) in.read();
                    }
                    assertEquals(-1, in.read());
                    assertArrayEquals(expected, single, "byte reads at " + offset + "+" + length);
                }
            }
        }
    }

    @Test
    void concatenationOfNothingOrEmptiesIsEmpty() {
        assertSame(ChunkedBytes.EMPTY, ChunkedBytes.concat(List.of()));
        assertSame(ChunkedBytes.EMPTY, ChunkedBytes.concat(List.of(ChunkedBytes.EMPTY, of(new byte[0], false))));
    }

    @Test
    void skipCrossesChunksOfDifferentSizes() throws IOException {
        byte[] a = randomBytes(10, 1);
        byte[] b = randomBytes(ChunkedBytes.CHUNK + 5, 2);
        ChunkedBytes whole = ChunkedBytes.concat(List.of(of(a, true), of(b, true)));
        try (InputStream in = whole.open(0, whole.size())) {
            assertEquals(ChunkedBytes.CHUNK, in.skip(ChunkedBytes.CHUNK));
            assertEquals(b[ChunkedBytes.CHUNK - 10] & 0xff, in.read());
        }
    }
}
