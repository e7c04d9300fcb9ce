package dev.cairn.gateway.s3.chunked;

import dev.cairn.gateway.s3.auth.ChunkSignatureVerifier;
import java.io.InputStream;
import java.util.Objects;

/**
 * Opens decoding streams over aws-chunked request bodies, with the limits that bound what one
 * request can make the gateway hold in memory.
 *
 * <p><b>Signed chunks are held back until verified.</b> A chunk's signature covers its whole data,
 * so the decoder reads one entire signed chunk into memory, checks its signature, and only then
 * returns its bytes: bytes that fail authentication never reach a store. The price is up to
 * {@link #maxSignedChunkSize()} bytes per upload in flight (the buffer grows only as data
 * actually arrives, so a header that claims a large chunk costs nothing until the bytes come; SDKs
 * send 64 KiB or 128 KiB chunks). Unsigned chunks are passed through as they arrive, with no chunk
 * buffer: nothing in them can be verified before the trailer checksum at end of body, which
 * {@link ChecksumVerifyingInputStream} checks before end of stream is reported.
 *
 * @param maxSignedChunkSize largest signed chunk accepted (default 8 MiB); larger is {@code InvalidChunkSizeError}
 * @param maxLineLength longest chunk header or trailer line, CRLF excluded (default 4 KiB)
 * @param maxTrailerSection largest trailer section, CRLFs included (default 16 KiB)
 */
public record AwsChunkedDecoder(int maxSignedChunkSize, int maxLineLength, int maxTrailerSection) {
    public static final int DEFAULT_MAX_SIGNED_CHUNK_SIZE = 8 << 20;
    public static final int DEFAULT_MAX_LINE_LENGTH = 4096;
    public static final int DEFAULT_MAX_TRAILER_SECTION = 16384;

    public AwsChunkedDecoder {
        if (maxSignedChunkSize < 1) {
            throw new IllegalArgumentException("maxSignedChunkSize must be at least 1");
        }
        if (maxLineLength < 100) {
            // A signed chunk header is 81 bytes plus the size digits.
            throw new IllegalArgumentException("maxLineLength must be at least 100");
        }
        if (maxTrailerSection < maxLineLength) {
            throw new IllegalArgumentException("maxTrailerSection must be at least maxLineLength");
        }
    }

    /** A decoder with the default limits. */
    public static AwsChunkedDecoder defaults() {
        return new AwsChunkedDecoder(DEFAULT_MAX_SIGNED_CHUNK_SIZE, DEFAULT_MAX_LINE_LENGTH, DEFAULT_MAX_TRAILER_SECTION);
    }

    /**
     * A stream of the decoded body. Errors are thrown from {@code read} as {@link S3RequestException}
     * (see {@link AwsChunkedInputStream} for which); the read that would report end of stream first
     * checks the final signatures, the decoded length and the trailers.
     *
     * @param raw the request body as received (the aws-chunked encoding)
     * @param request the parameters from the headers
     * @param verifier the SigV4 chain for signed modes; ignored, and may be null, for unsigned ones
     * @throws IllegalArgumentException when a signed mode has no verifier
     */
    public AwsChunkedInputStream decode(InputStream raw, AwsChunkedRequest request, ChunkSignatureVerifier verifier) {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(request, "request");
        if (request.mode().signed() && verifier == null) {
            throw new IllegalArgumentException(request.mode() + " needs a ChunkSignatureVerifier");
        }
        return new AwsChunkedInputStream(new FramingReader(raw), raw, request, verifier, this);
    }
}
