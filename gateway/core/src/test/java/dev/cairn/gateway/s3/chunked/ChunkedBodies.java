package dev.cairn.gateway.s3.chunked;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Encodes test bodies in aws-chunked, signed with {@link TestSigV4} where the mode is signed. */
final class ChunkedBodies {
    static final TestSigV4 CHAIN = new TestSigV4("test-secret", "20260101T000000Z", "us-east-1", "s3");
    static final String SEED = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private ChunkedBodies() {
    }

    static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** The body in {@code chunkSize} chunks, then the final chunk, the trailers and the closing CRLF. */
    static byte[] encode(byte[] data, int chunkSize, AwsChunkedMode mode, Map<String, String> trailers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String previous = SEED;
        int off = 0;
        do {
            int n = Math.min(chunkSize, data.length - off);
            String size = Integer.toHexString(n);
            if (mode.signed()) {
                byte[] chunk = java.util.Arrays.copyOfRange(data, off, off + n);
                previous = CHAIN.chunkSignature(previous, TestSigV4.sha256(chunk));
                ascii(out, size + ";chunk-signature=" + previous + "\r\n");
            } else {
                ascii(out, size + "\r\n");
            }
            out.write(data, off, n);
            if (n > 0 || !mode.hasTrailer()) {
                ascii(out, "\r\n");
            }
            off += n;
            if (n == 0) {
                break;
            }
        } while (true);
        if (mode.hasTrailer()) {
            StringBuilder canonical = new StringBuilder();
            trailers.forEach((k, v) -> canonical.append(k).append(':').append(v).append('\n'));
            ascii(out, canonical.toString().replace("\n", "\r\n"));
            if (mode.signed()) {
                String sig = CHAIN.trailerSignature(previous, TestSigV4.sha256(canonical.toString().getBytes(StandardCharsets.US_ASCII)));
                ascii(out, "x-amz-trailer-signature:" + sig + "\r\n");
            }
            ascii(out, "\r\n");
        }
        return out.toByteArray();
    }

    static AwsChunkedRequest request(AwsChunkedMode mode, long decodedLength, Map<String, String> trailers) {
        return new AwsChunkedRequest(mode, decodedLength, mode.hasTrailer() ? List.copyOf(trailers.keySet()) : List.of());
    }

    static AwsChunkedInputStream open(byte[] encoded, AwsChunkedRequest request) {
        return open(new ByteArrayInputStream(encoded), request, AwsChunkedDecoder.defaults());
    }

    static AwsChunkedInputStream open(InputStream raw, AwsChunkedRequest request, AwsChunkedDecoder decoder) {
        return decoder.decode(raw, request, request.mode().signed() ? CHAIN.verifier(SEED) : null);
    }

    /** Reads to the end in reads of {@code readSize} bytes. */
    static byte[] readAll(InputStream in, int readSize) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[readSize];
        while (true) {
            if (readSize == 1) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                out.write(b);
                continue;
            }
            int n = in.read(buf, 0, buf.length);
            if (n < 0) {
                break;
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    /** A raw stream that hands out at most {@code max} bytes per read, like a slow client. */
    static InputStream trickle(byte[] data, int max) {
        return new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, max));
            }
        };
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void ascii(ByteArrayOutputStream out, String s) {
        out.writeBytes(ascii(s));
    }
}
