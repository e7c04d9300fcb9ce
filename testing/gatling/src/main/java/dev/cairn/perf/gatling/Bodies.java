package dev.cairn.perf.gatling;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

/**
 * Request bodies, generated once at start so that no request pays for making its body.
 * Plain bodies are made unique per request by writing a counter into their first bytes; gzip
 * bodies come from a fixed pre-compressed pool and so repeat after {@link #POOL} requests (over
 * OAP a repeat is answered 200, "already stored", instead of 201).
 */
final class Bodies {
    static final int MIB = 1 << 20;
    static final int POOL = 64;

    private final byte[][] plain = new byte[POOL][];
    private final byte[][] gzipped = new byte[POOL][];
    private final AtomicLong counter = new AtomicLong();
    private final String runId;

    /** @param withGzip whether to pre-compress the gzip pool (a few hundred ms of CPU) */
    Bodies(long seed, boolean withGzip) {
        SplittableRandom random = new SplittableRandom(seed);
        runId = Long.toString(System.currentTimeMillis(), 36);
        for (int i = 0; i < POOL; i++) {
            plain[i] = compressible(random, MIB);
            if (withGzip) {
                gzipped[i] = gzip(plain[i]);
            }
        }
    }

    /** A fresh 1 MiB body: pool bytes with a run-wide unique counter and the run id in front. */
    byte[] uniquePlain() {
        long n = counter.getAndIncrement();
        byte[] b = plain[(int) (n % POOL)].clone();
        byte[] tag = (runId + "-" + n + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(tag, 0, b, 0, tag.length);
        return b;
    }

    /** A pre-compressed 1 MiB body (compresses about 2-4x, under oap.max-inflate-ratio 10). */
    byte[] pooledGzip() {
        return gzipped[(int) (counter.getAndIncrement() % POOL)];
    }

    long nextKeyNumber() {
        return counter.getAndIncrement();
    }

    String runId() {
        return runId;
    }

    double gzipRatio() {
        return gzipped[0] == null ? 0 : (double) plain[0].length / gzipped[0].length;
    }

    /**
     * Random letters from an 8-symbol alphabet, in words of random length: about 3.2 bits of
     * entropy per byte, so gzip gets roughly 2.4x, like text or JSON.
     */
    static byte[] compressible(SplittableRandom random, int size) {
        byte[] alphabet = "etaoinsh".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = random.nextInt(8) == 0 ? (byte) ' ' : alphabet[random.nextInt(alphabet.length)];
        }
        return b;
    }

    /** {@code zeros} zero bytes gzipped, streamed so the plain form never sits in memory. */
    static byte[] gzippedZeros(long zeros) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
            byte[] block = new byte[1 << 16];
            for (long left = zeros; left > 0; left -= block.length) {
                gz.write(block, 0, (int) Math.min(block.length, left));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
