package dev.cairn.gateway.s3.chunked;

import dev.cairn.gateway.s3.error.S3ErrorCode;
import dev.cairn.gateway.s3.auth.ChunkSignatureVerifier;
import static dev.cairn.gateway.s3.chunked.ChunkedBodies.ascii;
import static dev.cairn.gateway.s3.chunked.ChunkedBodies.encode;
import static dev.cairn.gateway.s3.chunked.ChunkedBodies.open;
import static dev.cairn.gateway.s3.chunked.ChunkedBodies.random;
import static dev.cairn.gateway.s3.chunked.ChunkedBodies.readAll;
import static dev.cairn.gateway.s3.chunked.ChunkedBodies.request;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.digest.Hex;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AwsChunkedInputStreamTest {
    private static final Map<String, String> CRC = Map.of("x-amz-checksum-crc32", "AAAAAA==");

    private static Map<String, String> trailersFor(AwsChunkedMode mode) {
        return mode.hasTrailer() ? CRC : Map.of();
    }

    static Stream<Arguments> boundaries() {
        List<Arguments> out = new ArrayList<>();
        for (AwsChunkedMode mode : AwsChunkedMode.values()) {
            // 1000 stays inside the framing buffer; 9000 crosses it.
            for (int chunk : new int[] {1000, 9000}) {
                for (int size : new int[] {0, 1, chunk - 1, chunk, chunk + 1, 3 * chunk + 7}) {
                    for (int readSize : new int[] {1, 7, 1 << 20}) {
                        for (int trickle : new int[] {0, 1}) {
                            out.add(Arguments.of(mode, chunk, size, readSize, trickle));
                        }
                    }
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} chunk={1} size={2} read={3} trickle={4}")
    @MethodSource("boundaries")
    void decodesEveryChunkBoundary(AwsChunkedMode mode, int chunk, int size, int readSize, int trickle) throws IOException {
        byte[] data = random(size, size * 31L + chunk);
        byte[] encoded = encode(data, chunk, mode, trailersFor(mode));
        InputStream raw = trickle == 1 ? ChunkedBodies.trickle(encoded, 1) : new ByteArrayInputStream(encoded);
        AwsChunkedInputStream in = open(raw, request(mode, size, trailersFor(mode)), AwsChunkedDecoder.defaults());

        assertArrayEquals(data, readAll(in, readSize));
        assertEquals(-1, in.read(), "end of stream repeats");
        assertTrue(in.complete());
        assertEquals(trailersFor(mode), in.trailers());
        assertEquals(size, in.decodedSoFar());
    }

    @Test
    void verifiesTheAwsDocumentationExample() throws IOException {
        // docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html: 66560 bytes of 'a' in chunks of 65536 and 1024.
        String[] published = {
            "ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648",
            "0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497",
            "b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9"};
        byte[] data = new byte[66560];
        Arrays.fill(data, (byte) 'a');
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(ascii("10000;chunk-signature=" + published[0] + "\r\n"));
        body.write(data, 0, 65536);
        body.writeBytes(ascii("\r\n400;chunk-signature=" + published[1] + "\r\n"));
        body.write(data, 65536, 1024);
        body.writeBytes(ascii("\r\n0;chunk-signature=" + published[2] + "\r\n\r\n"));
        assertEquals(66824, body.size(), "the Content-Length the example states");

        String[] expectedSha = {
            Hex.encode(TestSigV4.sha256(Arrays.copyOf(data, 65536))),
            Hex.encode(TestSigV4.sha256(Arrays.copyOf(data, 1024))),
            TestSigV4.EMPTY_SHA256};
        List<String> seen = new ArrayList<>();
        ChunkSignatureVerifier publishedValues = new ChunkSignatureVerifier() {
            @Override
            public boolean verifyChunk(byte[] sha, String claimed) {
                int i = seen.size();
                seen.add(claimed);
                return i < 3 && published[i].equals(claimed) && expectedSha[i].equals(Hex.encode(sha));
            }

            @Override
            public boolean verifyTrailer(byte[] sha, String claimed) {
                throw new AssertionError("no trailer in this mode");
            }
        };
        AwsChunkedInputStream in = AwsChunkedDecoder.defaults().decode(new ByteArrayInputStream(body.toByteArray()),
                new AwsChunkedRequest(AwsChunkedMode.SIGNED, 66560, List.of()), publishedValues);
        assertArrayEquals(data, readAll(in, 4096));
        assertEquals(List.of(published), seen);

        // The test chain reproduces the published signatures from the example's credentials and seed.
        TestSigV4 docs = new TestSigV4("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "20130524T000000Z", "us-east-1", "s3");
        TestSigV4.Recording chain = docs.verifier("4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9");
        in = AwsChunkedDecoder.defaults().decode(new ByteArrayInputStream(body.toByteArray()),
                new AwsChunkedRequest(AwsChunkedMode.SIGNED, 66560, List.of()), chain);
        assertArrayEquals(data, readAll(in, 1 << 20));
        assertTrue(chain.calls.stream().allMatch(TestSigV4.Call::accepted), chain.calls.toString());
    }

    @ParameterizedTest
    @EnumSource(AwsChunkedMode.class)
    void everyTruncationFailsCleanly(AwsChunkedMode mode) throws IOException {
        byte[] data = random(300, 7);
        byte[] full = encode(data, 128, mode, trailersFor(mode));
        String text = new String(full, java.nio.charset.StandardCharsets.ISO_8859_1);
        int finalChunk = text.lastIndexOf(mode.signed() ? "\r\n0;chunk-signature=" : "\r\n0\r\n") + 2;
        int trailerStart = text.indexOf("\r\n", finalChunk) + 2;
        List<Integer> accepted = new ArrayList<>();
        for (int len = 0; len < full.length; len++) {
            AwsChunkedInputStream in = open(Arrays.copyOf(full, len), request(mode, data.length, trailersFor(mode)));
            try {
                byte[] got = readAll(in, 50);
                assertArrayEquals(data, got, "a prefix accepted as complete must hold all the data");
                accepted.add(len);
            } catch (S3RequestException e) {
                assertFalse(in.complete());
                // Before the trailer section every cut is a short body; inside it, a cut at a line end
                // reads as a missing trailer or trailer signature.
                List<S3ErrorCode> allowed = len < trailerStart ? List.of(S3ErrorCode.IncompleteBody)
                        : List.of(S3ErrorCode.IncompleteBody, S3ErrorCode.MalformedTrailerError, S3ErrorCode.SignatureDoesNotMatch);
                assertTrue(allowed.contains(e.error()), len + ": " + e.error() + " " + e.getMessage());
            }
        }
        // Only the closing CRLF (after the final chunk, or after the trailers) may be missing.
        assertEquals(List.of(full.length - 2), accepted);
    }

    @Test
    void wrongChunkSignatureReleasesNoByteOfThatChunk() throws IOException {
        byte[] data = random(3000, 1);
        byte[] encoded = encode(data, 1000, AwsChunkedMode.SIGNED, Map.of());
        String text = new String(encoded, java.nio.charset.StandardCharsets.ISO_8859_1);
        int second = text.indexOf("3e8;chunk-signature=", 10) + "3e8;chunk-signature=".length();
        encoded[second] = (byte) (encoded[second] == 'a' ? 'b' : 'a');

        AwsChunkedInputStream in = open(encoded, request(AwsChunkedMode.SIGNED, 3000, Map.of()));
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        S3RequestException e = assertThrows(S3RequestException.class, () -> {
            int b;
            while ((b = in.read()) >= 0) {
                got.write(b);
            }
        });
        assertEquals(S3ErrorCode.SignatureDoesNotMatch, e.error());
        assertEquals(403, e.httpStatus());
        assertArrayEquals(Arrays.copyOf(data, 1000), got.toByteArray(), "only the first, verified chunk");
        assertSame(e, assertThrows(S3RequestException.class, in::read), "the failure is sticky");
    }

    @Test
    void tamperedChunkDataFailsItsSignature() throws IOException {
        byte[] data = random(3000, 2);
        byte[] encoded = encode(data, 1000, AwsChunkedMode.SIGNED_TRAILER, CRC);
        int firstData = new String(encoded, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("\r\n") + 2;
        encoded[firstData + 500] ^= 1;
        AwsChunkedInputStream in = open(encoded, request(AwsChunkedMode.SIGNED_TRAILER, 3000, CRC));
        assertEquals(S3ErrorCode.SignatureDoesNotMatch, assertThrows(S3RequestException.class, in::read).error());
    }

    @Test
    void wrongFinalChunkSignatureFailsAtEnd() throws IOException {
        byte[] data = random(100, 3);
        String body = new String(encode(data, 1000, AwsChunkedMode.SIGNED, Map.of()), java.nio.charset.StandardCharsets.ISO_8859_1);
        int last = body.lastIndexOf("0;chunk-signature=") + "0;chunk-signature=".length();
        byte[] encoded = ascii(body.substring(0, last) + "f".repeat(64) + body.substring(last + 64));
        AwsChunkedInputStream in = open(encoded, request(AwsChunkedMode.SIGNED, 100, Map.of()));
        byte[] buf = new byte[100];
        assertEquals(100, in.readNBytes(buf, 0, 100));
        assertEquals(S3ErrorCode.SignatureDoesNotMatch, assertThrows(S3RequestException.class, in::read).error());
        assertThrows(IllegalStateException.class, in::trailers);
    }

    @Test
    void wrongTrailerSignatureFailsAtEnd() throws IOException {
        byte[] data = random(10, 4);
        String body = new String(encode(data, 1000, AwsChunkedMode.SIGNED_TRAILER, CRC), java.nio.charset.StandardCharsets.ISO_8859_1);
        String tamperedValue = body.replace("x-amz-checksum-crc32:AAAAAA==", "x-amz-checksum-crc32:AAAAAB==");
        String tamperedSig = body.replaceFirst("x-amz-trailer-signature:[0-9a-f]{64}", "x-amz-trailer-signature:" + "0".repeat(64));
        assertFalse(tamperedValue.equals(body) || tamperedSig.equals(body));
        for (String bad : List.of(tamperedValue, tamperedSig)) {
            AwsChunkedInputStream in = open(ascii(bad), request(AwsChunkedMode.SIGNED_TRAILER, 10, CRC));
            assertEquals(10, in.readNBytes(10).length);
            S3RequestException e = assertThrows(S3RequestException.class, in::read);
            assertEquals(S3ErrorCode.SignatureDoesNotMatch, e.error(), e.getMessage());
        }
    }

    @Test
    void trailerSignatureCoversTheCanonicalTrailer() throws IOException {
        byte[] data = random(10, 5);
        TestSigV4.Recording chain = ChunkedBodies.CHAIN.verifier(ChunkedBodies.SEED);
        AwsChunkedInputStream in = AwsChunkedDecoder.defaults().decode(
                new ByteArrayInputStream(encode(data, 1000, AwsChunkedMode.SIGNED_TRAILER, CRC)),
                request(AwsChunkedMode.SIGNED_TRAILER, 10, CRC), chain);
        readAll(in, 100);
        TestSigV4.Call trailer = chain.calls.get(chain.calls.size() - 1);
        assertTrue(trailer.trailer());
        assertEquals(Hex.encode(TestSigV4.sha256(ascii("x-amz-checksum-crc32:AAAAAA==\n"))), trailer.sha256Hex());
        assertEquals(3, chain.calls.size(), "data chunk, final chunk, trailer");
    }

    @ParameterizedTest
    @EnumSource(AwsChunkedMode.class)
    void decodedLengthMustMatch(AwsChunkedMode mode) throws IOException {
        byte[] data = random(2500, 6);
        byte[] encoded = encode(data, 1000, mode, trailersFor(mode));

        AwsChunkedInputStream longer = open(encoded, request(mode, 2501, trailersFor(mode)));
        assertEquals(2500, longer.readNBytes(2500).length);
        assertEquals(S3ErrorCode.IncompleteBody, assertThrows(S3RequestException.class, longer::read).error());

        AwsChunkedInputStream shorter = open(encoded, request(mode, 1999, trailersFor(mode)));
        assertEquals(1000, shorter.readNBytes(1000).length);
        S3RequestException e = assertThrows(S3RequestException.class, shorter::read);
        assertEquals(S3ErrorCode.IncompleteBody, e.error());
        assertEquals(1000, shorter.decodedSoFar(), "the chunk that would exceed the length fails at its header");
    }

    @ParameterizedTest
    @ValueSource(strings = {"zz", "-1", "+1", "0x10", " 10", "10 ", "", "12345678901234567", "ffffffffffffffff", "8000000000000000", "\u0661"})
    void malformedSizesAreInvalidChunkSize(String size) {
        byte[] body = ascii(size + "\r\nabc\r\n0\r\n\r\n");
        S3RequestException e = assertThrows(S3RequestException.class,
                () -> readAll(open(body, request(AwsChunkedMode.UNSIGNED_TRAILER, 3, Map.of())), 10));
        assertEquals(S3ErrorCode.InvalidChunkSizeError, e.error(), e.getMessage());
    }

    @Test
    void largestSizeIsAcceptedAsNumberAndRejectedByTheLength() {
        byte[] body = ascii("7fffffffffffffff\r\nabc");
        S3RequestException e = assertThrows(S3RequestException.class,
                () -> readAll(open(body, request(AwsChunkedMode.UNSIGNED_TRAILER, 3, Map.of())), 10));
        assertEquals(S3ErrorCode.IncompleteBody, e.error());
    }

    @Test
    void overlongHeaderLineFailsWithoutReadingItAll() {
        InputStream endlessZeros = new InputStream() {
            @Override
            public int read() {
                return '0';
            }
        };
        AwsChunkedInputStream in = AwsChunkedDecoder.defaults().decode(endlessZeros,
                request(AwsChunkedMode.UNSIGNED_TRAILER, 10, Map.of()), null);
        S3RequestException e = assertThrows(S3RequestException.class, in::read);
        assertEquals(S3ErrorCode.InvalidRequest, e.error());
    }

    @Test
    void signedChunkOverTheCapIsRejectedBeforeItsData() {
        AwsChunkedDecoder small = new AwsChunkedDecoder(1024, 4096, 16384);
        byte[] encoded = encode(random(1025, 8), 2000, AwsChunkedMode.SIGNED, Map.of());
        AwsChunkedInputStream in = open(new ByteArrayInputStream(encoded), request(AwsChunkedMode.SIGNED, 1025, Map.of()), small);
        assertEquals(S3ErrorCode.InvalidChunkSizeError, assertThrows(S3RequestException.class, in::read).error());
        // Unsigned chunks are streamed, so the cap does not apply to them.
        byte[] data = random(5000, 9);
        AwsChunkedInputStream unsigned = open(new ByteArrayInputStream(encode(data, 5000, AwsChunkedMode.UNSIGNED_TRAILER, CRC)),
                request(AwsChunkedMode.UNSIGNED_TRAILER, 5000, CRC), small);
        assertDoesNotFail(() -> assertArrayEquals(data, readAll(unsigned, 100)));
    }

    static Stream<Arguments> malformedFraming() {
        String sig = "a".repeat(64);
        return Stream.of(
                Arguments.of(AwsChunkedMode.UNSIGNED_TRAILER, "3;chunk-signature=" + sig + "\r\nabc\r\n0\r\n\r\n", S3ErrorCode.InvalidRequest),
                Arguments.of(AwsChunkedMode.UNSIGNED_TRAILER, "3;foo=bar\r\nabc\r\n0\r\n\r\n", S3ErrorCode.InvalidRequest),
                Arguments.of(AwsChunkedMode.UNSIGNED_TRAILER, "3\nabc\r\n0\r\n\r\n", S3ErrorCode.InvalidRequest),
                Arguments.of(AwsChunkedMode.UNSIGNED_TRAILER, "3\rabc\r\n0\r\n\r\n", S3ErrorCode.InvalidRequest),
                Arguments.of(AwsChunkedMode.UNSIGNED_TRAILER, "3\r\nabcX\r\n0\r\n\r\n", S3ErrorCode.InvalidRequest),
                Arguments.of(AwsChunkedMode.UNSIGNED_TRAILER, "3\r\nabc\r\n0\r\n\r\nextra", S3ErrorCode.InvalidRequest),
                Arguments.of(AwsChunkedMode.SIGNED, "3;chunk-signature=" + sig + ";x=y\r\nabc\r\n", S3ErrorCode.SignatureDoesNotMatch),
                Arguments.of(AwsChunkedMode.SIGNED, "3;chunk-sig=" + sig + "\r\nabc\r\n", S3ErrorCode.InvalidRequest),
                Arguments.of(AwsChunkedMode.SIGNED, "3\r\nabc\r\n", S3ErrorCode.SignatureDoesNotMatch),
                Arguments.of(AwsChunkedMode.SIGNED, "3;chunk-signature=" + sig.toUpperCase() + "\r\nabc\r\n", S3ErrorCode.SignatureDoesNotMatch),
                Arguments.of(AwsChunkedMode.SIGNED, "3;chunk-signature=" + sig.substring(1) + "\r\nabc\r\n", S3ErrorCode.SignatureDoesNotMatch));
    }

    @ParameterizedTest
    @MethodSource("malformedFraming")
    void malformedFramingIsRejected(AwsChunkedMode mode, String body, S3ErrorCode expected) {
        AwsChunkedInputStream in = open(ascii(body), request(mode, 3, Map.of()));
        S3RequestException e = assertThrows(S3RequestException.class, () -> readAll(in, 10));
        assertEquals(expected, e.error(), e.getMessage());
    }

    @Test
    void dataAfterTheFinalChunkIsRejectedInSignedMode() {
        byte[] encoded = encode(random(3, 10), 1000, AwsChunkedMode.SIGNED, Map.of());
        byte[] extra = Arrays.copyOf(encoded, encoded.length + 1);
        extra[encoded.length] = 'x';
        S3RequestException e = assertThrows(S3RequestException.class,
                () -> readAll(open(extra, request(AwsChunkedMode.SIGNED, 3, Map.of())), 10));
        assertEquals(S3ErrorCode.InvalidRequest, e.error());
    }

    static Stream<Arguments> badTrailers() {
        return Stream.of(
                // announced crc32, sent crc32c
                Arguments.of(List.of("x-amz-checksum-crc32"), "x-amz-checksum-crc32c:AAAAAA==\r\n\r\n"),
                // announced but missing
                Arguments.of(List.of("x-amz-checksum-crc32"), "\r\n"),
                Arguments.of(List.of("x-amz-checksum-crc32"), ""),
                // nothing announced, one sent
                Arguments.of(List.of(), "x-amz-checksum-crc32:AAAAAA==\r\n\r\n"),
                // sent twice
                Arguments.of(List.of("x-amz-checksum-crc32"), "x-amz-checksum-crc32:AAAAAA==\r\nx-amz-checksum-crc32:AAAAAA==\r\n\r\n"),
                // not name:value
                Arguments.of(List.of("x-amz-checksum-crc32"), "x-amz-checksum-crc32 AAAAAA==\r\n\r\n"),
                Arguments.of(List.of("x-amz-checksum-crc32"), ":AAAAAA==\r\n\r\n"),
                Arguments.of(List.of("x-amz-checksum-crc32"), "x-amz-checksum-crc32:AA\u00ffAA==\r\n\r\n"),
                // a signature in an unsigned body
                Arguments.of(List.of("x-amz-checksum-crc32"), "x-amz-checksum-crc32:AAAAAA==\r\nx-amz-trailer-signature:" + "a".repeat(64) + "\r\n\r\n"),
                // a line over the cap
                Arguments.of(List.of("x-amz-checksum-crc32"), "x-amz-checksum-crc32:" + "A".repeat(5000) + "\r\n\r\n"));
    }

    @ParameterizedTest
    @MethodSource("badTrailers")
    void trailersMustMatchWhatWasAnnounced(List<String> announced, String trailerSection) {
        byte[] body = ascii("3\r\nabc\r\n0\r\n" + trailerSection);
        AwsChunkedInputStream in = open(body, new AwsChunkedRequest(AwsChunkedMode.UNSIGNED_TRAILER, 3, announced));
        S3RequestException e = assertThrows(S3RequestException.class, () -> readAll(in, 10));
        assertEquals(S3ErrorCode.MalformedTrailerError, e.error(), e.getMessage());
    }

    @Test
    void trailerSectionIsCapped() {
        AwsChunkedDecoder tight = new AwsChunkedDecoder(1024, 100, 100);
        String section = "x-amz-checksum-crc32:AAAAAA==\r\nx-amz-meta-a:" + "b".repeat(60) + "\r\n\r\n";
        AwsChunkedInputStream in = open(new ByteArrayInputStream(ascii("0\r\n" + section)),
                new AwsChunkedRequest(AwsChunkedMode.UNSIGNED_TRAILER, 0, List.of("x-amz-checksum-crc32", "x-amz-meta-a")), tight);
        assertEquals(S3ErrorCode.MalformedTrailerError, assertThrows(S3RequestException.class, in::read).error());
    }

    @Test
    void trailerSignatureMustBeLastAndPresent() {
        String sig = "x-amz-trailer-signature:" + "a".repeat(64) + "\r\n";
        AwsChunkedRequest req = new AwsChunkedRequest(AwsChunkedMode.SIGNED_TRAILER, 0, List.of("x-amz-checksum-crc32"));
        String finalChunk = "0;chunk-signature=" + ChunkedBodies.CHAIN.chunkSignature(ChunkedBodies.SEED, TestSigV4.sha256(new byte[0])) + "\r\n";
        S3RequestException notLast = assertThrows(S3RequestException.class,
                () -> readAll(open(ascii(finalChunk + sig + "x-amz-checksum-crc32:AAAAAA==\r\n\r\n"), req), 10));
        assertEquals(S3ErrorCode.MalformedTrailerError, notLast.error());
        S3RequestException missing = assertThrows(S3RequestException.class,
                () -> readAll(open(ascii(finalChunk + "x-amz-checksum-crc32:AAAAAA==\r\n\r\n"), req), 10));
        assertEquals(S3ErrorCode.SignatureDoesNotMatch, missing.error());
    }

    @Test
    void trailerValuesMayHaveSpaceAfterTheColonAndNamesAnyCase() throws IOException {
        byte[] body = ascii("3\r\nabc\r\n0\r\nX-Amz-Checksum-CRC32: AAAAAA== \r\n\r\n");
        AwsChunkedInputStream in = open(body, new AwsChunkedRequest(AwsChunkedMode.UNSIGNED_TRAILER, 3, List.of("x-amz-checksum-crc32")));
        assertArrayEquals(ascii("abc"), readAll(in, 10));
        assertEquals(Map.of("x-amz-checksum-crc32", "AAAAAA=="), in.trailers());
    }

    @Test
    void signedModeNeedsAVerifier() {
        assertThrows(IllegalArgumentException.class, () -> AwsChunkedDecoder.defaults().decode(
                new ByteArrayInputStream(new byte[0]), request(AwsChunkedMode.SIGNED, 0, Map.of()), null));
    }

    @Test
    void closedStreamCannotBeRead() throws IOException {
        AwsChunkedInputStream in = open(encode(new byte[0], 10, AwsChunkedMode.UNSIGNED_TRAILER, CRC),
                request(AwsChunkedMode.UNSIGNED_TRAILER, 0, CRC));
        in.close();
        assertThrows(IOException.class, in::read);
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void assertDoesNotFail(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
