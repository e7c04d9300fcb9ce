package dev.cairn.gateway.s3.chunked;

import dev.cairn.gateway.s3.error.S3ErrorCode;
import dev.cairn.blob.digest.Hex;

/**
 * One parsed chunk header line: {@code <hex-size>} for unsigned modes,
 * {@code <hex-size>;chunk-signature=<64 lowercase hex>} for signed ones.
 *
 * <p>The grammar is strict. aws-chunked is not HTTP/1.1 chunked coding, whose recipients ignore
 * unknown chunk extensions: its only extension is {@code chunk-signature}, and it is not covered by
 * any signature, so accepting others would let unauthenticated data ride along. A
 * {@code chunk-signature} in an unsigned mode is rejected too: it means client and server disagree
 * on the mode, and guessing would downgrade a signed upload.
 *
 * @param size the data length
 * @param signature the claimed signature, or null in unsigned modes
 */
record ChunkHeader(long size, String signature) {
    private static final String SIGNATURE_EXTENSION = "chunk-signature=";
    private static final int MAX_HEX_DIGITS = 16;

    static ChunkHeader parse(String line, boolean signed) throws S3RequestException {
        int semi = line.indexOf(';');
        String sizeText = semi < 0 ? line : line.substring(0, semi);
        long size = parseSize(sizeText);
        if (!signed) {
            if (semi >= 0) {
                throw new S3RequestException(S3ErrorCode.InvalidRequest,
                        "Chunk extensions are not allowed in an unsigned aws-chunked body.");
            }
            return new ChunkHeader(size, null);
        }
        if (semi < 0) {
            throw new S3RequestException(S3ErrorCode.SignatureDoesNotMatch, "A chunk has no chunk-signature.");
        }
        String extension = line.substring(semi + 1);
        if (!extension.startsWith(SIGNATURE_EXTENSION)) {
            throw new S3RequestException(S3ErrorCode.InvalidRequest,
                    "The only chunk extension allowed is chunk-signature.");
        }
        String signature = extension.substring(SIGNATURE_EXTENSION.length());
        if (!Hex.isLowerHex(signature, 64)) {
            throw new S3RequestException(S3ErrorCode.SignatureDoesNotMatch,
                    "A chunk-signature is not 64 lowercase hex digits.");
        }
        return new ChunkHeader(size, signature);
    }

    private static long parseSize(String text) throws S3RequestException {
        if (text.isEmpty() || text.length() > MAX_HEX_DIGITS) {
            throw new S3RequestException(S3ErrorCode.InvalidChunkSizeError, "Invalid chunk size: '" + printable(text) + "'.");
        }
        long size = 0;
        for (int i = 0; i < text.length(); i++) {
            int digit = Character.digit(text.charAt(i), 16);
            if (digit < 0 || text.charAt(i) > 'f') { // Character.digit also takes non-ASCII digits
                throw new S3RequestException(S3ErrorCode.InvalidChunkSizeError, "Invalid chunk size: '" + printable(text) + "'.");
            }
            if (size > (Long.MAX_VALUE >>> 4)) {
                throw new S3RequestException(S3ErrorCode.InvalidChunkSizeError, "Chunk size overflows: '" + text + "'.");
            }
            size = (size << 4) | digit;
        }
        return size;
    }

    /** The text with anything outside printable ASCII replaced, so messages cannot inject control bytes. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), 64));
        for (int i = 0; i < text.length() && i < 64; i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return out.toString();
    }
}
