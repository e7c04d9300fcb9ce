package dev.cairn.gateway.oap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class InflatingBodiesTest {
    static final int MIB = 1 << 20;

    static OapSettings settings(long maxBody, int ratio, long maxInflated) {
        return new OapSettings(maxBody, ratio, maxInflated, false, true, "t", null);
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    static byte[] zstdStreaming(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZstdOutputStream z = new ZstdOutputStream(out, 19)) {
            z.write(data);
        }
        return out.toByteArray();
    }

    static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    @Test
    void identityPassesBytesUpToTheCap() throws IOException {
        byte[] data = random(1000);
        assertArrayEquals(data, readAll(InflatingBodies.decode(new ByteArrayInputStream(data), ContentCoding.IDENTITY,
                settings(1000, 10, 1000))));
    }

    @Test
    void identityOverTheCapFailsAfterAtMostOneExtraByte() {
        CountingStream raw = new CountingStream(new ByteArrayInputStream(new byte[10_000]));
        InputStream in = InflatingBodies.decode(raw, ContentCoding.IDENTITY, settings(1000, 10, 1000));
        BodyTooLargeException e = assertThrows(BodyTooLargeException.class, () -> readAll(in));
        assertTrue(e.getMessage().contains("oap.max-body"), e.getMessage());
        assertEquals(1001, raw.count);
    }

    @Test
    void gzipRoundTrip() throws IOException {
        byte[] data = random(200_000);
        assertArrayEquals(data, readAll(InflatingBodies.decode(new ByteArrayInputStream(gzip(data)), ContentCoding.GZIP,
                settings(MIB, 10, MIB))));
    }

    @Test
    void zstdRoundTripStreamingAndOneShot() throws IOException {
        byte[] data = random(300_000);
        OapSettings s = settings(MIB, 10, MIB);
        assertArrayEquals(data, readAll(InflatingBodies.decode(new ByteArrayInputStream(zstdStreaming(data)), ContentCoding.ZSTD, s)));
        assertArrayEquals(data, readAll(InflatingBodies.decode(new ByteArrayInputStream(Zstd.compress(data)), ContentCoding.ZSTD, s)));
    }

    @Test
    void smallCompressibleBodiesAreBelowTheRatioFloor() throws IOException {
        byte[] zeros = new byte[(int) InflatingBodies.RATIO_FLOOR];
        assertArrayEquals(zeros, readAll(InflatingBodies.decode(new ByteArrayInputStream(gzip(zeros)), ContentCoding.GZIP,
                settings(MIB, 10, MIB))));
    }

    @Test
    void gzipBombTripsTheRatio() throws IOException {
        byte[] bomb = gzip(new byte[MIB]);
        InputStream in = InflatingBodies.decode(new ByteArrayInputStream(bomb), ContentCoding.GZIP, settings(MIB, 10, MIB));
        BodyTooLargeException e = assertThrows(BodyTooLargeException.class, () -> readAll(in));
        assertTrue(e.getMessage().contains("ratio"), e.getMessage());
    }

    @Test
    void gzipBombTripsTheAbsoluteCapWhenTheRatioIsGenerous() throws IOException {
        byte[] bomb = gzip(new byte[4 * MIB]);
        InputStream in = InflatingBodies.decode(new ByteArrayInputStream(bomb), ContentCoding.GZIP,
                settings(8 * MIB, 1_000_000, 256 * 1024));
        BodyTooLargeException e = assertThrows(BodyTooLargeException.class, () -> readAll(in));
        assertTrue(e.getMessage().contains("oap.max-inflated"), e.getMessage());
    }

    @Test
    void decodedOutputIsAlsoCappedByMaxBody() throws IOException {
        byte[] data = random(300_000);
        InputStream in = InflatingBodies.decode(new ByteArrayInputStream(gzip(data)), ContentCoding.GZIP,
                settings(200_000, 10, 8 * MIB));
        assertThrows(BodyTooLargeException.class, () -> readAll(in));
    }

    @Test
    void zstdBombTripsTheRatio() throws IOException {
        byte[] bomb = Zstd.compress(new byte[4 * MIB]);
        InputStream in = InflatingBodies.decode(new ByteArrayInputStream(bomb), ContentCoding.ZSTD, settings(8 * MIB, 10, 8 * MIB));
        BodyTooLargeException e = assertThrows(BodyTooLargeException.class, () -> readAll(in));
        assertTrue(e.getMessage().contains("ratio"), e.getMessage());
    }

    @Test
    void compressedInputIsCappedByMaxBody() throws IOException {
        byte[] incompressible = gzip(random(5000));
        InputStream in = InflatingBodies.decode(new ByteArrayInputStream(incompressible), ContentCoding.GZIP, settings(4000, 10, MIB));
        BodyTooLargeException e = assertThrows(BodyTooLargeException.class, () -> readAll(in));
        assertTrue(e.getMessage().contains("oap.max-body ("), e.getMessage());
    }

    @Test
    void corruptInputIsReportedAsCorrupt() throws IOException {
        OapSettings s = settings(MIB, 10, MIB);
        byte[] good = gzip(random(10_000));
        byte[] truncated = Arrays.copyOf(good, good.length / 2);
        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x55;
        for (byte[] body : new byte[][] {"not gzip at all".getBytes(), truncated, flipped, new byte[0]}) {
            assertThrows(CorruptBodyException.class,
                    () -> readAll(InflatingBodies.decode(new ByteArrayInputStream(body), ContentCoding.GZIP, s)));
        }
        byte[] zgood = Zstd.compress(random(10_000));
        for (byte[] body : new byte[][] {"not zstd".getBytes(), Arrays.copyOf(zgood, zgood.length / 2), new byte[0]}) {
            assertThrows(CorruptBodyException.class,
                    () -> readAll(InflatingBodies.decode(new ByteArrayInputStream(body), ContentCoding.ZSTD, s)));
        }
    }

    @Test
    void networkFailuresAreNotMistakenForCorruption() throws IOException {
        IOException reset = new IOException("connection reset");
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw reset;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                throw reset;
            }
        };
        IOException e = assertThrows(IOException.class,
                () -> readAll(InflatingBodies.decode(failing, ContentCoding.GZIP, settings(MIB, 10, MIB))));
        assertSame(reset, e);
    }

    @Test
    void ratioArithmeticDoesNotOverflow() {
        assertTrue(InflatingBodies.ratioExceeded(Long.MAX_VALUE, 2, Long.MAX_VALUE / 4));
        assertTrue(!InflatingBodies.ratioExceeded(Long.MAX_VALUE - 1, Integer.MAX_VALUE, Long.MAX_VALUE / 2));
        assertTrue(!InflatingBodies.ratioExceeded(InflatingBodies.RATIO_FLOOR, 1, 1));
        assertTrue(InflatingBodies.ratioExceeded(InflatingBodies.RATIO_FLOOR + 1, 1, 1));
    }

    @Test
    void zstdWindowLimit() {
        assertEquals(23, InflatingBodies.zstdWindowLogMax(MIB));
        assertEquals(27, InflatingBodies.zstdWindowLogMax(128L * MIB));
        assertEquals(31, InflatingBodies.zstdWindowLogMax(Long.MAX_VALUE));
    }

    static final class CountingStream extends java.io.FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
