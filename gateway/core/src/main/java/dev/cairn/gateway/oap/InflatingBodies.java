package dev.cairn.gateway.oap;

import com.github.luben.zstd.ZstdInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Wraps a request body so that the consumer reads decoded bytes, with the limits that make a
 * decompression bomb harmless:
 *
 * <ul>
 *   <li>compressed input: at most {@code maxBody} bytes ({@link CappedInputStream});
 *   <li>decoded output: at most {@code min(maxBody, maxInflated)} bytes, since
 *       {@link OapSettings#maxBody()} bounds the body both before and after decompression;
 *   <li>ratio: once the output passes {@value #RATIO_FLOOR} bytes, it may not exceed
 *       {@code maxInflateRatio} times the compressed bytes consumed so far. The floor exists
 *       because tiny bodies (a few hundred bytes of JSON compress 20:1) would otherwise trip the
 *       ratio on entirely benign uploads, and 64 KiB is harmless to hold.
 * </ul>
 *
 * Every limit throws {@link BodyTooLargeException} from the {@code read} that crosses it, so the
 * decoder never produces more than one read's worth past a limit. A decoder failure that did not
 * come from the network becomes a {@link CorruptBodyException}.
 */
final class InflatingBodies {
    /** Output below which the ratio is not checked. */
    static final long RATIO_FLOOR = 64 * 1024;

    private InflatingBodies() {
    }

    /**
     * @param raw the request body as received
     * @return a stream of decoded bytes; for {@link ContentCoding#IDENTITY}, the raw body capped at {@code maxBody}
     */
    static InputStream decode(InputStream raw, ContentCoding coding, OapSettings settings) {
        FailureRecorder network = new FailureRecorder(raw);
        CappedInputStream compressed = new CappedInputStream(network, settings.maxBody(), "oap.max-body");
        if (coding == ContentCoding.IDENTITY) {
            return compressed;
        }
        long outputCap = Math.min(settings.maxBody(), settings.maxInflated());
        String capName = settings.maxInflated() < settings.maxBody() ? "oap.max-inflated" : "oap.max-body";
        Decoding decoding = new Decoding(network, compressed, coding, settings.maxInflateRatio(), outputCap);
        return new CappedInputStream(decoding, outputCap, capName + " after decompression");
    }

    /**
     * The zstd window-log limit for a decoded-output cap. A frame may declare a window of up to
     * 2^31 bytes, which the decoder would allocate before producing a byte; we allow what the cap
     * needs, and never less than 2^23 so that frames from every standard level (1 to 19, streaming
     * or not) decode.
     */
    static int zstdWindowLogMax(long outputCap) {
        int needed = 64 - Long.numberOfLeadingZeros(Math.max(1, outputCap - 1));
        return Math.min(31, Math.max(23, needed));
    }

    /** {@code produced > ratio * consumed}, without overflow. */
    static boolean ratioExceeded(long produced, long ratio, long consumed) {
        long c = Math.max(1, consumed);
        return produced > RATIO_FLOOR && produced > saturatedProduct(ratio, c);
    }

    private static long saturatedProduct(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return hi != 0 || lo < 0 ? Long.MAX_VALUE : lo;
    }

    /**
     * Remembers whether the raw body itself failed, so a network error or a limit is not
     * mistaken for corrupt compressed data when the decoder passes it on.
     */
    private static final class FailureRecorder extends FilterInputStream {
        private IOException failure;

        FailureRecorder(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return in.read();
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return in.read(b, off, len);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }
    }

    /** Opens the decoder lazily (GZIPInputStream reads the header in its constructor) and guards the ratio. */
    private static final class Decoding extends InputStream {
        private final FailureRecorder network;
        private final CappedInputStream compressed;
        private final ContentCoding coding;
        private final long ratio;
        private final long outputCap;
        private InputStream decoder;
        private long produced;

        Decoding(FailureRecorder network, CappedInputStream compressed, ContentCoding coding, int ratio, long outputCap) {
            this.network = network;
            this.compressed = compressed;
            this.coding = coding;
            this.ratio = ratio;
            this.outputCap = outputCap;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            int n;
            try {
                if (decoder == null) {
                    decoder = open();
                }
                n = decoder.read(b, off, len);
            } catch (IOException | RuntimeException e) {
                throw classify(e);
            }
            if (n < 0 && compressed.count() == 0) {
                // zstd reads an empty input as zero frames; gzip calls it truncated. Neither is a body.
                throw new CorruptBodyException("an empty body is not " + coding.name().toLowerCase(Locale.ROOT) + " data", null);
            }
            if (n > 0) {
                produced += n;
                if (ratioExceeded(produced, ratio, compressed.count())) {
                    throw new BodyTooLargeException("decompressed body exceeds oap.max-inflate-ratio (" + ratio
                            + ":1) of the compressed bytes received");
                }
            }
            return n;
        }

        private InputStream open() throws IOException {
            return switch (coding) {
                case GZIP -> new GZIPInputStream(compressed, 8192);
                case ZSTD -> new ZstdInputStream(compressed).setLongMax(zstdWindowLogMax(outputCap));
                case IDENTITY -> compressed;
            };
        }

        private IOException classify(Exception e) {
            if (e instanceof BodyTooLargeException tooLarge) {
                return tooLarge;
            }
            if (network.failure != null) {
                return network.failure;
            }
            return new CorruptBodyException(coding.name().toLowerCase(Locale.ROOT) + " body could not be decoded", e);
        }

        @Override
        public void close() throws IOException {
            if (decoder != null) {
                decoder.close();
            }
        }
    }
}
