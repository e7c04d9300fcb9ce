package dev.cairn.gateway.s3.ops;

import dev.cairn.blob.BlobKey;
import dev.cairn.gateway.s3.error.S3ErrorCode;
import dev.cairn.gateway.s3.error.S3Exception;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * The ListObjectsV2 continuation token: opaque to clients, it carries where the next page starts
 * (the store's {@code nextStartAfter}, a key or a common prefix).
 *
 * <p>Layout, base64url without padding: a version byte, the UTF-8 position, and a CRC32C of both.
 * The version lets a later format coexist with tokens clients still hold; the checksum turns a
 * truncated or garbled token into a clear 400 instead of a silently wrong position. The token is
 * not signed: whatever position a client forges, it could ask for with {@code start-after}.
 */
final class ContinuationToken {
    private static final byte VERSION = 1;
    private static final int CRC_BYTES = 4;

    private ContinuationToken() {
    }

    static String encode(String startAfter) {
        byte[] position = startAfter.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buf = ByteBuffer.allocate(1 + position.length + CRC_BYTES);
        buf.put(VERSION).put(position);
        buf.putInt((int) crc(buf.array(), 1 + position.length));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buf.array());
    }

    /**
     * The position a token stands for.
     *
     * @throws S3Exception InvalidArgument for a token this gateway did not issue, or one that was
     *     cut or altered
     */
    static String decode(String token) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw invalid(token);
        }
        int positionLength = raw.length - 1 - CRC_BYTES;
        // A position is a key or a prefix of one, so it is never empty and never longer than a key.
        if (positionLength < 1 || positionLength > BlobKey.MAX_KEY_BYTES || raw[0] != VERSION) {
            throw invalid(token);
        }
        int stored = ByteBuffer.wrap(raw, 1 + positionLength, CRC_BYTES).getInt();
        if (stored != (int) crc(raw, 1 + positionLength)) {
            throw invalid(token);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw, 1, positionLength))
                    .toString();
        } catch (CharacterCodingException e) {
            throw invalid(token);
        }
    }

    private static long crc(byte[] bytes, int length) {
        CRC32C c = new CRC32C();
        c.update(bytes, 0, length);
        return c.getValue();
    }

    private static S3Exception invalid(String token) {
        return new S3Exception(S3ErrorCode.InvalidArgument, "The continuation token provided is incorrect",
                Map.of("ArgumentName", "continuation-token", "ArgumentValue", token));
    }
}
