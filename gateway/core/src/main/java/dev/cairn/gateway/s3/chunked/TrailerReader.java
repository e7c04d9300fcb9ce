package dev.cairn.gateway.s3.chunked;

import dev.cairn.gateway.s3.error.S3ErrorCode;
import dev.cairn.gateway.s3.auth.ChunkSignatureVerifier;
import dev.cairn.blob.digest.Hex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the trailer section that follows the final chunk of a trailer mode: {@code name:value}
 * lines, in signed mode then {@code x-amz-trailer-signature:<sig>}, then an empty line. Only the
 * announced trailers are accepted, each exactly once, and all of them must arrive.
 *
 * <p>Leniency: a body may end instead of sending the closing empty line (some clients stop after
 * the last trailer line). Every other deviation is an error.
 */
final class TrailerReader {
    static final String SIGNATURE_NAME = "x-amz-trailer-signature";

    private TrailerReader() {
    }

    /**
     * @return the trailers, lowercase names in the order received, without the signature
     * @throws S3RequestException {@code MalformedTrailerError} for malformed, unannounced, repeated,
     *         missing or oversized trailers; {@code SignatureDoesNotMatch} for a missing, malformed or
     *         wrong trailer signature in signed mode; {@code InvalidRequest} for data after the section;
     *         {@code IncompleteBody} when the body ends inside a line
     */
    static Map<String, String> read(FramingReader in, AwsChunkedRequest request, ChunkSignatureVerifier verifier,
            int maxLine, int maxSection) throws IOException {
        boolean signed = request.mode().signed();
        List<String> announced = request.announcedTrailers();
        Map<String, String> trailers = new LinkedHashMap<>();
        StringBuilder canonical = new StringBuilder();
        String signature = null;
        long sectionBytes = 0;
        while (true) {
            String line = in.readLine(maxLine, S3ErrorCode.MalformedTrailerError, "trailer line");
            if (line == null) {
                break; // the closing empty line is optional at end of body
            }
            sectionBytes += line.length() + 2;
            if (sectionBytes > maxSection) {
                throw malformed("The trailer section is longer than " + maxSection + " bytes.");
            }
            if (line.isEmpty()) {
                if (!in.atEnd()) {
                    throw new S3RequestException(S3ErrorCode.InvalidRequest, "The body continues after the trailer section.");
                }
                break;
            }
            if (signature != null) {
                throw malformed("x-amz-trailer-signature must be the last trailer.");
            }
            int colon = line.indexOf(':');
            String name = colon > 0 ? line.substring(0, colon).toLowerCase(Locale.ROOT) : "";
            if (!isToken(name)) {
                throw malformed("A trailer line is not name:value.");
            }
            String value = trimOws(line.substring(colon + 1));
            if (!isFieldValue(value)) {
                throw malformed("The value of trailer " + name + " has characters that are not allowed.");
            }
            if (name.equals(SIGNATURE_NAME)) {
                if (!signed) {
                    throw malformed("x-amz-trailer-signature in an unsigned body.");
                }
                if (!Hex.isLowerHex(value, 64)) {
                    throw new S3RequestException(S3ErrorCode.SignatureDoesNotMatch,
                            "x-amz-trailer-signature is not 64 lowercase hex digits.");
                }
                signature = value;
                continue;
            }
            if (!announced.contains(name)) {
                throw malformed("Trailer " + name + " was not announced in x-amz-trailer.");
            }
            if (trailers.putIfAbsent(name, value) != null) {
                throw malformed("Trailer " + name + " was sent twice.");
            }
            canonical.append(name).append(':').append(value).append('\n');
        }
        for (String name : announced) {
            if (!trailers.containsKey(name)) {
                throw malformed("Trailer " + name + " was announced in x-amz-trailer but not sent.");
            }
        }
        if (signed) {
            if (signature == null) {
                throw new S3RequestException(S3ErrorCode.SignatureDoesNotMatch, "The trailer has no x-amz-trailer-signature.");
            }
            if (!verifier.verifyTrailer(sha256(canonical.toString().getBytes(StandardCharsets.US_ASCII)), signature)) {
                throw new S3RequestException(S3ErrorCode.SignatureDoesNotMatch,
                        "The trailer signature we calculated does not match the signature you provided.");
            }
        }
        return Collections.unmodifiableMap(trailers);
    }

    private static S3RequestException malformed(String message) {
        return new S3RequestException(S3ErrorCode.MalformedTrailerError, message);
    }

    /** RFC 9110 token: the characters a header name may have. */
    private static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Printable ASCII and inner spaces only: trailer values here are base64 or hex. */
    private static boolean isFieldValue(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    private static String trimOws(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == ' ' || s.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
            end--;
        }
        return s.substring(start, end);
    }

    static byte[] sha256(byte[] data) {
        MessageDigest md = newSha256();
        return md.digest(data);
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
