package dev.cairn.gateway.s3.chunked;

import dev.cairn.gateway.s3.error.S3ErrorCode;
import static dev.cairn.gateway.s3.chunked.ChunkedBodies.ascii;
import static dev.cairn.gateway.s3.chunked.ChunkedBodies.encode;
import static dev.cairn.gateway.s3.chunked.ChunkedBodies.readAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.blob.digest.IntegrityException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ChecksumIntentTest {
    /** Published check values over the ASCII bytes "123456789", in S3's base64 form. */
    static Stream<Arguments> checkValues() {
        return Stream.of(
                Arguments.of(ChecksumAlgorithm.CRC32, "y/Q5Jg=="), // 0xCBF43926
                Arguments.of(ChecksumAlgorithm.CRC32C, "4waSgw=="), // 0xE3069283
                Arguments.of(ChecksumAlgorithm.CRC64NVME, "rosUhgp5mIg="), // 0xAE8B14860A799888
                Arguments.of(ChecksumAlgorithm.SHA1, "98O8HYCOBHMq32eZZczDTKeuNEE="),
                Arguments.of(ChecksumAlgorithm.SHA256, "FeKw08M4keuw8e9gnsQZQgwg4yDOlMZfvIwzEkSOsiU="));
    }

    private static final byte[] CHECK = ascii("123456789");

    private static HeaderSource headers(String... nameValue) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            m.computeIfAbsent(nameValue[i], k -> new java.util.ArrayList<>()).add(nameValue[i + 1]);
        }
        return HeaderSource.of(m);
    }

    private static HeaderSource trailerHeaders(ChecksumAlgorithm a, AwsChunkedMode mode) {
        return headers("x-amz-content-sha256", mode.contentSha256(), "x-amz-decoded-content-length", "9",
                "x-amz-sdk-checksum-algorithm", a.name(), "x-amz-trailer", S3Checksums.headerName(a));
    }

    @ParameterizedTest
    @MethodSource("checkValues")
    void trailerChecksumIsVerifiedAtTheEndOfEveryMode(ChecksumAlgorithm a, String value) throws IOException {
        for (AwsChunkedMode mode : List.of(AwsChunkedMode.SIGNED_TRAILER, AwsChunkedMode.UNSIGNED_TRAILER)) {
            HeaderSource h = trailerHeaders(a, mode);
            ChecksumIntent intent = ChecksumIntent.parse(h);
            assertEquals(new ChecksumIntent(a, ChecksumIntent.Source.TRAILER, null), intent);
            AwsChunkedRequest req = AwsChunkedRequest.fromHeaders(h).orElseThrow();
            Map<String, String> trailer = Map.of(S3Checksums.headerName(a), value);

            AwsChunkedInputStream decoded = ChunkedBodies.open(encode(CHECK, 4, mode, trailer), req);
            ChecksumVerifyingInputStream in = intent.verify(decoded, decoded::trailers);
            assertArrayEquals(CHECK, readAll(in, 3));
            assertEquals(value, in.verifiedValue());

            Map<String, String> wrong = Map.of(S3Checksums.headerName(a), ChecksumIntentTest.otherValueOfSameLength(value));
            AwsChunkedInputStream decodedBad = ChunkedBodies.open(encode(CHECK, 4, mode, wrong), req);
            ChecksumVerifyingInputStream bad = intent.verify(decodedBad, decodedBad::trailers);
            assertEquals(9, bad.readNBytes(9).length);
            IntegrityException e = assertThrows(IntegrityException.class, bad::read);
            assertEquals(IntegrityException.Reason.DIGEST_MISMATCH, e.reason());
            assertSame(a, e.algorithm());
            assertEquals("The " + a.name() + " you specified did not match the calculated checksum.", e.getMessage());
            assertEquals(S3ErrorCode.BadDigest, S3Checksums.errorFor(e));
            assertThrows(IllegalStateException.class, bad::verifiedValue);
        }
    }

    static String otherValueOfSameLength(String base64) {
        byte[] raw = java.util.Base64.getDecoder().decode(base64);
        raw[0] ^= 1;
        return java.util.Base64.getEncoder().encodeToString(raw);
    }

    @ParameterizedTest
    @MethodSource("checkValues")
    void headerChecksumIsVerifiedAtTheEnd(ChecksumAlgorithm a, String value) throws IOException {
        ChecksumIntent intent = ChecksumIntent.parse(headers(S3Checksums.headerName(a), value));
        assertEquals(new ChecksumIntent(a, ChecksumIntent.Source.HEADER, value), intent);
        ChecksumVerifyingInputStream in = intent.verify(new ByteArrayInputStream(CHECK), null);
        assertArrayEquals(CHECK, readAll(in, 1));
        assertEquals(value, in.verifiedValue());

        ChecksumVerifyingInputStream bad = ChecksumIntent.parse(headers(S3Checksums.headerName(a), otherValueOfSameLength(value)))
                .verify(new ByteArrayInputStream(CHECK), null);
        assertThrows(IntegrityException.class, () -> readAll(bad, 100));
    }

    @ParameterizedTest
    @EnumSource(value = ChecksumAlgorithm.class, names = {"CRC32", "CRC32C", "CRC64NVME", "SHA1", "SHA256"})
    void malformedHeaderValuesAreInvalid(ChecksumAlgorithm a) {
        String good = checkValues().filter(x -> x.get()[0] == a).map(x -> (String) x.get()[1]).findFirst().orElseThrow();
        for (String bad : List.of("", "!!!!", good.substring(0, good.length() - 4), good + "AAAA", good.replace('=', 'A'),
                "AAAAAB==".length() == good.length() ? "AAAAAB==" : good.replace("=", "") + "%")) {
            S3RequestException e = assertThrows(S3RequestException.class,
                    () -> ChecksumIntent.parse(headers(S3Checksums.headerName(a), bad)), bad);
            assertEquals(S3ErrorCode.InvalidRequest, e.error());
            assertEquals("Value for " + S3Checksums.headerName(a) + " header is invalid.", e.getMessage());
        }
    }

    @Test
    void malformedTrailerValueIsInvalidAtTheEnd() throws IOException {
        HeaderSource h = trailerHeaders(ChecksumAlgorithm.CRC32, AwsChunkedMode.UNSIGNED_TRAILER);
        AwsChunkedInputStream decoded = ChunkedBodies.open(
                encode(CHECK, 4, AwsChunkedMode.UNSIGNED_TRAILER, Map.of("x-amz-checksum-crc32", "y/Q5Jg")),
                AwsChunkedRequest.fromHeaders(h).orElseThrow());
        ChecksumVerifyingInputStream in = ChecksumIntent.parse(h).verify(decoded, decoded::trailers);
        S3RequestException e = assertThrows(S3RequestException.class, () -> readAll(in, 100));
        assertEquals("Value for x-amz-checksum-crc32 trailing header is invalid.", e.getMessage());
    }

    static Stream<Arguments> invalidCombinations() {
        String crc = "y/Q5Jg==";
        String sha = "FeKw08M4keuw8e9gnsQZQgwg4yDOlMZfvIwzEkSOsiU=";
        String trailerMode = AwsChunkedMode.UNSIGNED_TRAILER.contentSha256();
        return Stream.of(
                Arguments.of((Object) new String[] {"x-amz-checksum-crc32", crc, "x-amz-checksum-sha256", sha}),
                Arguments.of((Object) new String[] {"x-amz-checksum-crc32", crc, "x-amz-checksum-crc32", crc}),
                Arguments.of((Object) new String[] {"x-amz-checksum-crc32", crc, "x-amz-content-sha256", trailerMode,
                    "x-amz-trailer", "x-amz-checksum-crc32"}),
                Arguments.of((Object) new String[] {"x-amz-sdk-checksum-algorithm", "SHA256", "x-amz-checksum-crc32", crc}),
                Arguments.of((Object) new String[] {"x-amz-sdk-checksum-algorithm", "MD5", "x-amz-checksum-crc32", crc}),
                Arguments.of((Object) new String[] {"x-amz-sdk-checksum-algorithm", "CRC32"}),
                Arguments.of((Object) new String[] {"x-amz-sdk-checksum-algorithm", "CRC32", "x-amz-checksum-algorithm", "SHA1",
                    "x-amz-checksum-crc32", crc}),
                Arguments.of((Object) new String[] {"x-amz-content-sha256", trailerMode, "x-amz-trailer", "x-amz-checksum-md5"}),
                Arguments.of((Object) new String[] {"x-amz-content-sha256", trailerMode, "x-amz-trailer",
                    "x-amz-checksum-crc32, x-amz-checksum-sha256"}),
                Arguments.of((Object) new String[] {"x-amz-content-sha256", "UNSIGNED-PAYLOAD", "x-amz-trailer", "x-amz-checksum-crc32"}),
                Arguments.of((Object) new String[] {"x-amz-content-sha256", AwsChunkedMode.SIGNED.contentSha256(),
                    "x-amz-trailer", "x-amz-checksum-crc32"}),
                Arguments.of((Object) new String[] {"x-amz-content-sha256", trailerMode, "x-amz-trailer", "x-amz-checksum-crc32",
                    "x-amz-sdk-checksum-algorithm", "CRC32C"}));
    }

    @ParameterizedTest
    @MethodSource("invalidCombinations")
    void invalidCombinationsAreInvalidRequest(String[] nameValues) {
        S3RequestException e = assertThrows(S3RequestException.class, () -> ChecksumIntent.parse(headers(nameValues)));
        assertEquals(S3ErrorCode.InvalidRequest, e.error(), e.getMessage());
        assertEquals(400, e.httpStatus());
    }

    @Test
    void noChecksumIsNone() throws S3RequestException {
        assertSame(ChecksumIntent.NONE, ChecksumIntent.parse(headers("content-length", "3")));
        assertThrows(IllegalStateException.class, () -> ChecksumIntent.NONE.verify(new ByteArrayInputStream(CHECK), Map::of));
    }

    @Test
    void algorithmNamesAreCaseInsensitiveAndHeaderNamesToo() throws S3RequestException {
        ChecksumIntent intent = ChecksumIntent.parse(headers("X-Amz-Sdk-Checksum-Algorithm", "crc32c", "X-Amz-Checksum-Crc32c", "4waSgw=="));
        assertEquals(ChecksumAlgorithm.CRC32C, intent.algorithm());
        assertEquals(java.util.Optional.empty(), intent.trailerName());
        assertEquals(java.util.Optional.of("x-amz-checksum-crc32c"),
                ChecksumIntent.parse(trailerHeaders(ChecksumAlgorithm.CRC32C, AwsChunkedMode.SIGNED_TRAILER)).trailerName());
    }
}
