package dev.cairn.gateway.s3.chunked;

import dev.cairn.gateway.s3.error.S3ErrorCode;
import dev.cairn.gateway.s3.auth.ChunkSignatureVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Map;

/**
 * The decoded data of an aws-chunked body, read as a stream; made by {@link AwsChunkedDecoder}.
 *
 * <p>Failures are thrown from {@code read} as {@link S3RequestException} and repeat on every
 * later read:
 * <ul>
 * <li>{@code SignatureDoesNotMatch} (403): a chunk or trailer signature is missing, malformed or wrong;
 *     none of that chunk's bytes are returned;</li>
 * <li>{@code IncompleteBody} (400): the body ends inside a chunk, a line or before the final chunk,
 *     or the decoded length differs from {@code x-amz-decoded-content-length} (a chunk that would
 *     exceed it fails at its header, before its data is read);</li>
 * <li>{@code InvalidChunkSizeError} (400): a size that is not 1–16 hex digits, overflows, or (signed)
 *     exceeds the cap;</li>
 * <li>{@code InvalidRequest} (400): a missing CRLF, a bare CR or LF, an overlong chunk header line,
 *     a chunk extension other than {@code chunk-signature} or any extension in unsigned mode, or data
 *     after the end;</li>
 * <li>{@code MalformedTrailerError} (400): see {@link #trailers()}.</li>
 * </ul>
 * The read that would return end of stream first verifies the final chunk's signature, the decoded
 * length, and the trailers with their signature; on any failure it throws instead of returning -1.
 * Not thread-safe.
 */
public final class AwsChunkedInputStream extends InputStream {
    private static final int INITIAL_CHUNK_BUFFER = 64 * 1024;

    private final FramingReader in;
    private final InputStream raw;
    private final AwsChunkedRequest request;
    private final ChunkSignatureVerifier verifier;
    private final AwsChunkedDecoder limits;
    private final boolean signed;
    private final MessageDigest sha256;
    private final byte[] one = new byte[1];

    /** Sum of the sizes of the chunk headers read so far. */
    private long declaredSoFar;
    /** Signed mode: the current verified chunk, served from {@code chunkPos} to {@code chunkLen}. */
    private byte[] chunk;
    private int chunkPos;
    private int chunkLen;
    /** Unsigned mode: data bytes of the current chunk not yet read from the body. */
    private long unsignedRemaining;
    private boolean crlfPending;
    private Map<String, String> trailers;
    private IOException failure;
    private boolean closed;

    AwsChunkedInputStream(FramingReader in, InputStream raw, AwsChunkedRequest request, ChunkSignatureVerifier verifier,
            AwsChunkedDecoder limits) {
        this.in = in;
        this.raw = raw;
        this.request = request;
        this.verifier = verifier;
        this.limits = limits;
        this.signed = request.mode().signed();
        this.sha256 = signed ? TrailerReader.newSha256() : null;
    }

    @Override
    public int read() throws IOException {
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (closed) {
            throw new IOException("stream closed");
        }
        if (failure != null) {
            throw failure;
        }
        if (len == 0) {
            return 0;
        }
        try {
            while (true) {
                if (chunkPos < chunkLen) {
                    int n = Math.min(len, chunkLen - chunkPos);
                    System.arraycopy(chunk, chunkPos, b, off, n);
                    chunkPos += n;
                    return n;
                }
                if (unsignedRemaining > 0) {
                    return readUnsigned(b, off, len);
                }
                if (trailers != null) {
                    return -1;
                }
                nextChunk();
            }
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    private int readUnsigned(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, (int) Math.min(len, unsignedRemaining));
        if (n < 0) {
            throw new S3RequestException(S3ErrorCode.IncompleteBody, "The body ended inside a chunk.");
        }
        unsignedRemaining -= n;
        return n;
    }

    private void nextChunk() throws IOException {
        if (crlfPending) {
            in.expectCrlf("chunk data");
            crlfPending = false;
        }
        String line = in.readLine(limits.maxLineLength(), S3ErrorCode.InvalidRequest, "chunk header");
        if (line == null) {
            throw new S3RequestException(S3ErrorCode.IncompleteBody, "The body ended before the final chunk.");
        }
        ChunkHeader header = ChunkHeader.parse(line, signed);
        long size = header.size();
        if (signed && size > limits.maxSignedChunkSize()) {
            throw new S3RequestException(S3ErrorCode.InvalidChunkSizeError,
                    "A signed chunk of " + size + " bytes exceeds the limit of " + limits.maxSignedChunkSize() + " bytes.");
        }
        if (size > request.decodedContentLength() - declaredSoFar) {
            throw new S3RequestException(S3ErrorCode.IncompleteBody,
                    "The chunks hold more than x-amz-decoded-content-length (" + request.decodedContentLength() + ") bytes.");
        }
        if (size == 0) {
            finish(header);
            return;
        }
        declaredSoFar += size;
        if (signed) {
            readSignedChunk((int) size, header.signature());
        } else {
            unsignedRemaining = size;
            crlfPending = true;
        }
    }

    /** Reads a whole signed chunk and its CRLF, and makes it readable only once its signature verified. */
    private void readSignedChunk(int size, String signature) throws IOException {
        if (chunk == null || chunk.length < Math.min(size, INITIAL_CHUNK_BUFFER)) {
            chunk = new byte[Math.min(size, INITIAL_CHUNK_BUFFER)];
        }
        int filled = 0;
        while (filled < size) {
            if (filled == chunk.length) {
                // Grow only as bytes arrive: a header that merely claims a large chunk allocates nothing.
                chunk = java.util.Arrays.copyOf(chunk, (int) Math.min(size, 2L * chunk.length));
            }
            int n = in.read(chunk, filled, Math.min(chunk.length, size) - filled);
            if (n < 0) {
                throw new S3RequestException(S3ErrorCode.IncompleteBody, "The body ended inside a chunk.");
            }
            filled += n;
        }
        sha256.update(chunk, 0, size);
        if (!verifier.verifyChunk(sha256.digest(), signature)) {
            throw new S3RequestException(S3ErrorCode.SignatureDoesNotMatch,
                    "The chunk signature we calculated does not match the signature you provided.");
        }
        in.expectCrlf("chunk data");
        chunkPos = 0;
        chunkLen = size;
    }

    private void finish(ChunkHeader last) throws IOException {
        if (signed && !verifier.verifyChunk(sha256.digest(), last.signature())) {
            throw new S3RequestException(S3ErrorCode.SignatureDoesNotMatch,
                    "The final chunk signature we calculated does not match the signature you provided.");
        }
        if (declaredSoFar != request.decodedContentLength()) {
            throw new S3RequestException(S3ErrorCode.IncompleteBody, "The decoded body has " + declaredSoFar
                    + " bytes, x-amz-decoded-content-length says " + request.decodedContentLength() + ".");
        }
        if (request.mode().hasTrailer()) {
            trailers = TrailerReader.read(in, request, verifier, limits.maxLineLength(), limits.maxTrailerSection());
        } else {
            // The empty data of the final chunk is followed by CRLF, which some clients leave out at end of body.
            if (!in.atEnd()) {
                in.expectCrlf("the final chunk");
                if (!in.atEnd()) {
                    throw new S3RequestException(S3ErrorCode.InvalidRequest, "The body continues after the final chunk.");
                }
            }
            trailers = Map.of();
        }
        chunk = null;
    }

    /** Bytes of the current verified chunk that can be read without blocking. */
    @Override
    public int available() {
        return chunkLen - chunkPos;
    }

    /** Decoded bytes announced by the chunk headers read so far. */
    public long decodedSoFar() {
        return declaredSoFar;
    }

    /** True once end of stream was reached with every check passed. */
    public boolean complete() {
        return trailers != null && failure == null;
    }

    /**
     * The trailer headers, lowercase names in the order received, without
     * {@code x-amz-trailer-signature}; empty for {@link AwsChunkedMode#SIGNED}. Each was announced in
     * {@code x-amz-trailer}, arrived once, and (signed mode) is covered by a verified signature; a
     * trailer that breaks these rules, a line over the length cap or a section over its cap fails
     * the final read with {@code MalformedTrailerError}.
     *
     * @throws IllegalStateException before end of stream was reached and verified
     */
    public Map<String, String> trailers() {
        if (!complete()) {
            throw new IllegalStateException("the aws-chunked body was not read to its verified end");
        }
        return trailers;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        chunk = null;
        raw.close();
    }
}
