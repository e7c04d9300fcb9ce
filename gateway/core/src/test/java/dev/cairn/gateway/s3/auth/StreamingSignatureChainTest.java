package dev.cairn.gateway.s3.auth;

import static dev.cairn.gateway.s3.auth.AwsDocumentationExamplesTest.sha256OfAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The chain rules, on the seed of the AWS multiple-chunk example. */
class StreamingSignatureChainTest {
    private static final String SEED = "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9";
    private static final String CHUNK1 = "ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648";
    private static final String CHUNK2 = "0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497";
    private static final String FINAL = "b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9";

    private static StreamingSignatureChain chain(boolean trailer) {
        return new StreamingSignatureChain(SigningKeyCache.derive(AwsExamples.SECRET_KEY, "20130524", "us-east-1"),
                "20130524T000000Z", "20130524/us-east-1/s3/aws4_request", SEED, trailer);
    }

    @Test
    void computesTheDocumentedChunkSignatures() {
        StreamingSignatureChain chain = chain(false);

        assertEquals(CHUNK1, chain.chunkSignature(SEED, sha256OfAs(65536)));
        assertEquals(CHUNK2, chain.chunkSignature(CHUNK1, sha256OfAs(1024)));
        assertEquals(FINAL, chain.chunkSignature(CHUNK2, sha256OfAs(0)));
    }

    @Test
    void nullOrMalformedInputBreaksTheChain() {
        StreamingSignatureChain chain = chain(false);
        assertFalse(chain.verifyChunk(sha256OfAs(65536), null));
        assertFalse(chain.verifyChunk(sha256OfAs(65536), CHUNK1), "broken chains stay broken");

        StreamingSignatureChain other = chain(false);
        assertFalse(other.verifyChunk(new byte[31], CHUNK1));
        assertFalse(other.verifyChunk(null, CHUNK1));
    }

    @Test
    void signatureComparisonIsExact() {
        assertFalse(chain(false).verifyChunk(sha256OfAs(65536), CHUNK1.toUpperCase()));
        assertFalse(chain(false).verifyChunk(sha256OfAs(65536), CHUNK1 + " "));
    }

    @Test
    void trailerOnlyWhenAnnouncedAndOnlyOnce() {
        byte[] trailer = Crypto.sha256("x-amz-checksum-crc32:sOO8/Q==\n".getBytes(StandardCharsets.UTF_8));
        StreamingSignatureChain withTrailer = chain(true);
        assertTrue(withTrailer.verifyChunk(sha256OfAs(65536), CHUNK1));
        assertTrue(withTrailer.verifyChunk(sha256OfAs(1024), CHUNK2));
        assertTrue(withTrailer.verifyChunk(sha256OfAs(0), FINAL));
        String expected = withTrailer.trailerSignature(FINAL, trailer);

        assertTrue(withTrailer.verifyTrailer(trailer, expected));
        assertFalse(withTrailer.verifyTrailer(trailer, expected));
        assertFalse(withTrailer.verifyChunk(sha256OfAs(0), expected), "nothing follows the trailer");

        StreamingSignatureChain withoutTrailer = chain(false);
        assertFalse(withoutTrailer.verifyTrailer(trailer, withoutTrailer.trailerSignature(SEED, trailer)));
    }
}
