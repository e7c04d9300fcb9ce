package dev.cairn.gateway.s3.chunked;

import dev.cairn.gateway.s3.error.S3ErrorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AwsChunkedRequestTest {
    private static HeaderSource h(Map<String, String> m) {
        return HeaderSource.of(m.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))));
    }

    @Test
    void readsEachMode() throws S3RequestException {
        for (AwsChunkedMode mode : AwsChunkedMode.values()) {
            Map<String, String> m = new java.util.HashMap<>(Map.of("X-Amz-Content-Sha256", mode.contentSha256(),
                    "X-Amz-Decoded-Content-Length", "66560"));
            if (mode.hasTrailer()) {
                m.put("X-Amz-Trailer", "X-Amz-Checksum-Crc32");
            }
            AwsChunkedRequest r = AwsChunkedRequest.fromHeaders(h(m)).orElseThrow();
            assertEquals(new AwsChunkedRequest(mode, 66560, mode.hasTrailer() ? List.of("x-amz-checksum-crc32") : List.of()), r);
        }
    }

    @Test
    void otherBodiesAreNotChunked() throws S3RequestException {
        assertEquals(Optional.empty(), AwsChunkedRequest.fromHeaders(h(Map.of("x-amz-content-sha256", "UNSIGNED-PAYLOAD"))));
        assertEquals(Optional.empty(), AwsChunkedRequest.fromHeaders(h(Map.of())));
    }

    @Test
    void errorsCarryTheirS3Codes() {
        assertEquals(S3ErrorCode.NotImplemented, assertThrows(S3RequestException.class, () -> AwsChunkedRequest.fromHeaders(
                h(Map.of("x-amz-content-sha256", "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD", "x-amz-decoded-content-length", "1")))).error());
        assertEquals(S3ErrorCode.MissingContentLength, assertThrows(S3RequestException.class, () -> AwsChunkedRequest.fromHeaders(
                h(Map.of("x-amz-content-sha256", AwsChunkedMode.SIGNED.contentSha256())))).error());
        assertEquals(S3ErrorCode.InvalidRequest, assertThrows(S3RequestException.class, () -> AwsChunkedRequest.fromHeaders(
                h(Map.of("x-amz-content-sha256", "STREAMING-SOMETHING", "x-amz-decoded-content-length", "1")))).error());
        assertEquals(S3ErrorCode.InvalidRequest, assertThrows(S3RequestException.class, () -> AwsChunkedRequest.fromHeaders(
                h(Map.of("x-amz-content-sha256", AwsChunkedMode.SIGNED.contentSha256(), "x-amz-decoded-content-length", "1",
                        "x-amz-trailer", "x-amz-checksum-crc32")))).error());
        assertEquals(S3ErrorCode.InvalidRequest, assertThrows(S3RequestException.class, () -> AwsChunkedRequest.fromHeaders(
                h(Map.of("x-amz-content-sha256", AwsChunkedMode.UNSIGNED_TRAILER.contentSha256(), "x-amz-decoded-content-length", "1",
                        "x-amz-trailer", "x-amz-checksum-crc32,x-amz-checksum-crc32")))).error());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "+1", "1.0", "abc", "", "1234567890123456789", "1 2"})
    void malformedDecodedLengthIsInvalid(String value) {
        S3RequestException e = assertThrows(S3RequestException.class, () -> AwsChunkedRequest.fromHeaders(
                h(Map.of("x-amz-content-sha256", AwsChunkedMode.SIGNED.contentSha256(), "x-amz-decoded-content-length", value))));
        assertEquals(S3ErrorCode.InvalidRequest, e.error());
    }

    @Test
    void awsChunkedIsNotStoredAsContentEncoding() {
        assertEquals(Optional.empty(), AwsChunkedRequest.storedContentEncoding("aws-chunked"));
        assertEquals(Optional.of("gzip"), AwsChunkedRequest.storedContentEncoding("aws-chunked, gzip"));
        assertEquals(Optional.of("gzip, br"), AwsChunkedRequest.storedContentEncoding("gzip,AWS-CHUNKED,br"));
        assertEquals(Optional.of("gzip,br"), AwsChunkedRequest.storedContentEncoding("gzip,br"), "untouched without aws-chunked");
        assertEquals(Optional.empty(), AwsChunkedRequest.storedContentEncoding(" , aws-chunked ,"));
        assertEquals(Optional.empty(), AwsChunkedRequest.storedContentEncoding(null));
    }
}
