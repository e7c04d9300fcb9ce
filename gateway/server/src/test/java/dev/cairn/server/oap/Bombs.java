package dev.cairn.server.oap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Compression bombs, generated at test time (see testing/performance/fixtures/README.md):
 * streamed through the compressor from one small buffer, so making them costs no memory.
 */
final class Bombs {
    private Bombs() {
    }

    /** gzip of {@code inflated} zero bytes (about 1/1000 of that, compressed). */
    static byte[] gzipOfZeros(long inflated) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out, 64 * 1024)) {
            byte[] zeros = new byte[1 << 20];
            for (long left = inflated; left > 0; left -= zeros.length) {
                gz.write(zeros, 0, (int) Math.min(zeros.length, left));
            }
        }
        return out.toByteArray();
    }

    /** gzip of gzip of zeros: the outer layer alone expands about a thousandfold into the inner bomb. */
    static byte[] nested(long inflated) throws IOException {
        byte[] inner = gzipOfZeros(inflated);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(inner);
        }
        return out.toByteArray();
    }
}
