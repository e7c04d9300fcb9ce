package dev.cairn.gateway.s3.chunked;

import dev.cairn.gateway.s3.error.S3ErrorCode;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The flexible checksum a PutObject or UploadPart request asks S3 to verify, and where its value
 * comes from: a request header, or a trailer that only arrives after the body.
 *
 * @param algorithm the algorithm, or null for {@link Source#NONE}
 * @param source where the expected value is
 * @param headerValue the value from the request header (canonical base64) for {@link Source#HEADER}, else null
 */
public record ChecksumIntent(ChecksumAlgorithm algorithm, Source source, String headerValue) {
    /** No flexible checksum was asked for. */
    public static final ChecksumIntent NONE = new ChecksumIntent(null, Source.NONE, null);

    static final String SDK_ALGORITHM = "x-amz-sdk-checksum-algorithm";
    static final String ALGORITHM = "x-amz-checksum-algorithm";
    private static final String MULTIPLE = "Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.";

    /** Where the expected value comes from. */
    public enum Source {
        NONE,
        /** An {@code x-amz-checksum-*} request header. */
        HEADER,
        /** An {@code x-amz-checksum-*} trailer announced in {@code x-amz-trailer}. */
        TRAILER
    }

    public ChecksumIntent {
        Objects.requireNonNull(source, "source");
        if ((source == Source.NONE) != (algorithm == null) || (source == Source.HEADER) != (headerValue != null)) {
            throw new IllegalArgumentException("inconsistent checksum intent");
        }
    }

    /**
     * Reads the checksum intent from the request headers: {@code x-amz-sdk-checksum-algorithm} or
     * {@code x-amz-checksum-algorithm}, {@code x-amz-checksum-crc32|crc32c|crc64nvme|sha1|sha256}, and
     * {@code x-amz-trailer}. Every error is {@code InvalidRequest} (400):
     * <ul>
     * <li>an algorithm header with an unknown value, or both algorithm headers naming different algorithms;</li>
     * <li>more than one checksum header, a repeated one, or a checksum header together with a checksum trailer
     *     ("Expecting a single x-amz-checksum- header...");</li>
     * <li>a checksum header whose value is not the base64 form of the algorithm's length
     *     ("Value for x-amz-checksum-crc32 header is invalid.");</li>
     * <li>an {@code x-amz-trailer} naming anything but one checksum, or sent without a {@code -TRAILER}
     *     {@code x-amz-content-sha256};</li>
     * <li>an algorithm header that names another algorithm than the header or trailer, or that has
     *     neither.</li>
     * </ul>
     */
    public static ChecksumIntent parse(HeaderSource headers) throws S3RequestException {
        ChecksumAlgorithm declared = declaredAlgorithm(headers);

        ChecksumAlgorithm inHeader = null;
        String value = null;
        for (ChecksumAlgorithm a : S3Checksums.FLEXIBLE) {
            List<String> values = headers.all(S3Checksums.headerName(a));
            if (values.isEmpty()) {
                continue;
            }
            if (inHeader != null || values.size() > 1) {
                throw new S3RequestException(S3ErrorCode.InvalidRequest, MULTIPLE);
            }
            inHeader = a;
            value = S3Checksums.validate(a, values.get(0), "header");
        }

        ChecksumAlgorithm inTrailer = trailerAlgorithm(headers);
        if (inHeader != null && inTrailer != null) {
            throw new S3RequestException(S3ErrorCode.InvalidRequest, MULTIPLE);
        }
        ChecksumAlgorithm actual = inHeader != null ? inHeader : inTrailer;
        if (declared != null && actual == null) {
            throw new S3RequestException(S3ErrorCode.InvalidRequest, SDK_ALGORITHM
                    + " specified, but no corresponding x-amz-checksum-* or x-amz-trailer headers were found.");
        }
        if (declared != null && declared != actual) {
            throw new S3RequestException(S3ErrorCode.InvalidRequest, "Value for " + SDK_ALGORITHM + " header is invalid.");
        }
        if (inHeader != null) {
            return new ChecksumIntent(inHeader, Source.HEADER, value);
        }
        return inTrailer != null ? new ChecksumIntent(inTrailer, Source.TRAILER, null) : NONE;
    }

    /** The trailer that carries the value for {@link Source#TRAILER}: {@code x-amz-checksum-crc32}, ... */
    public Optional<String> trailerName() {
        return source == Source.TRAILER ? Optional.of(S3Checksums.headerName(algorithm)) : Optional.empty();
    }

    /**
     * Wraps the decoded body in a stream that computes this checksum and checks it in the read that
     * reaches end of stream (see {@link ChecksumVerifyingInputStream}).
     *
     * @param decodedBody the body after aws-chunked decoding
     * @param trailers the verified trailers, asked for only once {@code decodedBody} reached its end
     *        (typically {@code AwsChunkedInputStream::trailers}); unused for {@link Source#HEADER}
     * @throws IllegalStateException for {@link #NONE}
     */
    public ChecksumVerifyingInputStream verify(InputStream decodedBody, Supplier<Map<String, String>> trailers) {
        Objects.requireNonNull(decodedBody, "decodedBody");
        return switch (source) {
            case NONE -> throw new IllegalStateException("no checksum to verify");
            case HEADER -> new ChecksumVerifyingInputStream(decodedBody, algorithm, () -> headerValue);
            case TRAILER -> {
                Objects.requireNonNull(trailers, "trailers");
                String name = S3Checksums.headerName(algorithm);
                yield new ChecksumVerifyingInputStream(decodedBody, algorithm, () -> {
                    String v = trailers.get().get(name);
                    if (v == null) {
                        throw new S3RequestException(S3ErrorCode.MalformedTrailerError, "Trailer " + name + " was not sent.");
                    }
                    return S3Checksums.validate(algorithm, v, "trailing header");
                });
            }
        };
    }

    private static ChecksumAlgorithm declaredAlgorithm(HeaderSource headers) throws S3RequestException {
        String sdk = AwsChunkedRequest.single(headers, SDK_ALGORITHM);
        String plain = AwsChunkedRequest.single(headers, ALGORITHM);
        ChecksumAlgorithm a = sdk == null ? null : S3Checksums.parseAlgorithm(SDK_ALGORITHM, sdk);
        ChecksumAlgorithm b = plain == null ? null : S3Checksums.parseAlgorithm(ALGORITHM, plain);
        if (a != null && b != null && a != b) {
            throw new S3RequestException(S3ErrorCode.InvalidRequest, SDK_ALGORITHM + " and " + ALGORITHM + " disagree.");
        }
        return a != null ? a : b;
    }

    private static ChecksumAlgorithm trailerAlgorithm(HeaderSource headers) throws S3RequestException {
        List<String> names = AwsChunkedRequest.announcedTrailers(headers);
        if (names.isEmpty()) {
            return null;
        }
        String sha = AwsChunkedRequest.single(headers, AwsChunkedRequest.CONTENT_SHA256);
        AwsChunkedMode mode = sha == null ? null : AwsChunkedMode.forContentSha256(sha);
        if (mode == null || !mode.hasTrailer()) {
            throw new S3RequestException(S3ErrorCode.InvalidRequest,
                    "x-amz-trailer needs an x-amz-content-sha256 of STREAMING-UNSIGNED-PAYLOAD-TRAILER or "
                            + "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER.");
        }
        if (names.size() > 1) {
            throw new S3RequestException(S3ErrorCode.InvalidRequest, MULTIPLE);
        }
        ChecksumAlgorithm a = S3Checksums.forHeaderName(names.get(0));
        if (a == null) {
            throw new S3RequestException(S3ErrorCode.InvalidRequest,
                    "The value specified in the x-amz-trailer header is not supported.");
        }
        return a;
    }
}
