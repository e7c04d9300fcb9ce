package dev.cairn.gateway.s3;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.blob.digest.IntegrityException;
import dev.cairn.gateway.http.HttpCall;
import dev.cairn.gateway.s3.auth.PayloadMode;
import dev.cairn.gateway.s3.auth.VerifiedRequest;
import dev.cairn.gateway.s3.chunked.AwsChunkedDecoder;
import dev.cairn.gateway.s3.chunked.AwsChunkedInputStream;
import dev.cairn.gateway.s3.chunked.AwsChunkedRequest;
import dev.cairn.gateway.s3.chunked.ChecksumIntent;
import dev.cairn.gateway.s3.chunked.S3Checksums;
import dev.cairn.gateway.s3.chunked.S3RequestException;
import dev.cairn.gateway.s3.error.BlobErrors;
import dev.cairn.gateway.s3.error.S3ErrorCode;
import dev.cairn.gateway.s3.error.S3Exception;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * A request body as the handlers see it: aws-chunked framing removed and every chunk signature
 * checked, the declared {@code x-amz-content-sha256} checked, the client's checksum (header or
 * trailer) checked, the size capped. Every check fails in the read that detects it, so a store
 * that publishes on end of stream never publishes a bad body (ADR 0001).
 *
 * <p>The first failure seen while reading is remembered: when the store then reports an error,
 * {@link #translate} answers with the client's real mistake (a bad chunk signature, a checksum
 * mismatch, a short body) instead of the store's generic one.
 */
public final class RequestBody {
    private final InputStream stream;
    private final long length;
    private final Map<ChecksumAlgorithm, String> expected;
    private final ChecksumAlgorithm checksumAlgorithm;
    private volatile S3Exception failure;

    private RequestBody(InputStream decoded, long length, Map<ChecksumAlgorithm, String> expected, ChecksumAlgorithm checksumAlgorithm) {
        this.stream = new Recording(decoded);
        this.length = length;
        this.expected = Map.copyOf(expected);
        this.checksumAlgorithm = checksumAlgorithm;
    }

    /**
     * Builds the decoding pipeline for a request.
     *
     * @param maxSize the largest acceptable decoded body
     * @param bodyChecksums whether {@code x-amz-checksum-*} headers and trailers describe this body
     *     (false on CompleteMultipartUpload, where they describe the object)
     * @throws S3Exception for headers that make the body unreadable (bad aws-chunked or checksum
     *     headers, a declared size over {@code maxSize}, a malformed Content-MD5)
     */
    static RequestBody open(HttpCall call, VerifiedRequest auth, AwsChunkedDecoder decoder, long maxSize, boolean bodyChecksums) {
        try {
            InputStream in = call.body();
            long length = call.contentLength();
            Optional<AwsChunkedRequest> chunked = AwsChunkedRequest.fromHeaders(call.headers()::all);
            AwsChunkedInputStream decoding = null;
            if (chunked.isPresent()) {
                decoding = decoder.decode(in, chunked.get(), auth.streamingVerifier().orElse(null));
                in = decoding;
                length = chunked.get().decodedContentLength();
            } else if (auth.payloadMode() == PayloadMode.SIGNED_PAYLOAD && auth.declaredPayloadSha256().isPresent()) {
                in = new PayloadHashInputStream(in, auth.declaredPayloadSha256().get());
            }
            if (length > maxSize) {
                throw new S3Exception(S3ErrorCode.EntityTooLarge,
                        "Your proposed upload exceeds the maximum allowed size of " + maxSize + " bytes.");
            }
            if (chunked.isEmpty()) {
                in = new BodyLengthInputStream(in, length, maxSize);
            }
            ChecksumIntent intent = bodyChecksums ? ChecksumIntent.parse(call.headers()::all) : ChecksumIntent.NONE;
            if (intent.source() != ChecksumIntent.Source.NONE) {
                AwsChunkedInputStream trailers = decoding;
                in = intent.verify(in, () -> trailers == null ? Map.of() : trailers.trailers());
            }
            Map<ChecksumAlgorithm, String> expected = new EnumMap<>(ChecksumAlgorithm.class);
            String md5 = call.headers().first("Content-MD5");
            if (md5 != null) {
                expected.put(ChecksumAlgorithm.MD5, S3Checksums.contentMd5Hex(md5));
            }
            return new RequestBody(in, length, expected, intent.algorithm());
        } catch (S3RequestException e) {
            throw fromRequestException(e);
        }
    }

    /** The decoded, verified bytes. Read once. */
    public InputStream stream() {
        return stream;
    }

    /** The decoded length, or -1 when the client did not declare one. */
    public long length() {
        return length;
    }

    /** Digests the store must verify before publishing (Content-MD5), in the store's text form. */
    public Map<ChecksumAlgorithm, String> expectedChecksums() {
        return expected;
    }

    /** The flexible checksum the client asked for (to be stored and echoed), or null. */
    public ChecksumAlgorithm checksumAlgorithm() {
        return checksumAlgorithm;
    }

    /** Extra algorithms the store should compute and keep. */
    public Set<ChecksumAlgorithm> extraChecksums() {
        return checksumAlgorithm == null ? Set.of() : Set.of(checksumAlgorithm);
    }

    /** The first client-side failure seen while reading the body, or null. */
    public S3Exception failure() {
        return failure;
    }

    /** The S3 error for a store failure during a write that read this body. */
    public S3Exception translate(BlobStoreException e) {
        S3Exception f = failure;
        if (f != null) {
            return f;
        }
        if (e.error() == BlobError.BAD_DIGEST) {
            ChecksumAlgorithm which = mismatchedAlgorithm(e);
            if (which == ChecksumAlgorithm.B3) {
                return new S3Exception(S3ErrorCode.BadDigest, "The x-cairn-b3 you specified did not match what we received.");
            }
            if (which == ChecksumAlgorithm.MD5) {
                return new S3Exception(S3ErrorCode.BadDigest, S3Checksums.badDigestMessage(ChecksumAlgorithm.MD5));
            }
        }
        return BlobErrors.toS3(e);
    }

    /**
     * Which expected digest the store found wrong, from the {@link IntegrityException} it wraps;
     * null when the store did not say (the answer is then S3's generic BadDigest wording, never a
     * guess that could name the wrong header).
     */
    private static ChecksumAlgorithm mismatchedAlgorithm(BlobStoreException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof IntegrityException i) {
                return i.algorithm();
            }
        }
        return null;
    }

    private static S3Exception fromRequestException(S3RequestException e) {
        return new S3Exception(e.error(), e.getMessage());
    }

    /** Remembers the first failure below it as the client's error. */
    private final class Recording extends FilterInputStream {
        Recording(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return in.read();
            } catch (IOException e) {
                throw record(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return in.read(b, off, len);
            } catch (IOException e) {
                throw record(e);
            }
        }

        private IOException record(IOException e) {
            if (failure == null) {
                failure = classify(e);
            }
            return e;
        }
    }

    private static S3Exception classify(IOException e) {
        if (e instanceof S3RequestException r) {
            return fromRequestException(r);
        }
        if (e instanceof S3BodyException b) {
            return new S3Exception(b.code(), b.getMessage());
        }
        if (e instanceof IntegrityException i) {
            return new S3Exception(S3Checksums.errorFor(i), i.getMessage());
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException) {
                return new S3Exception(S3ErrorCode.RequestTimeout);
            }
        }
        return new S3Exception(S3ErrorCode.IncompleteBody);
    }
}
