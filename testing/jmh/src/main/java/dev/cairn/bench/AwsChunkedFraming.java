package dev.cairn.bench;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Re-frames a body the AWS SDK signed as aws-chunked at another chunk size. The SDK always frames
 * at 128 KiB; issue 8 asks for 64 KiB chunks, so the chunk-signature chain is continued here from
 * the SDK's seed signature (the signature in its Authorization header), with the formula of the
 * SigV4 streaming spec. {@link #checkAgainst} proves the framing reproduces the SDK's bytes
 * exactly at the SDK's own chunk size before any number is taken.
 */
final class AwsChunkedFraming {
    /** The SDK's fixed aws-chunked chunk size. */
    static final int SDK_CHUNK_SIZE = 128 << 10;
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final HexFormat HEX = HexFormat.of();

    private AwsChunkedFraming() {
    }

    /**
     * {@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD}: every chunk, then the final empty one, signed in a
     * chain that starts at the request's signature.
     */
    static byte[] signed(byte[] body, int chunkSize, SignedRequests.Signed request, String secretKey) {
        String authorization = request.header("Authorization");
        String seed = authorization.substring(authorization.indexOf("Signature=") + "Signature=".length()).trim();
        String timestamp = request.header("X-Amz-Date");
        String date = timestamp.substring(0, 8);
        String scope = date + "/" + SignedRequests.REGION + "/s3/aws4_request";
        byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        for (String part : new String[] {SignedRequests.REGION, "s3", "aws4_request"}) {
            key = hmac(key, part);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 4096);
        String previous = seed;
        for (int off = 0; ; off += chunkSize) {
            int n = Math.min(chunkSize, body.length - off);
            byte[] data = Arrays.copyOfRange(body, off, off + n);
            String toSign = String.join("\n", "AWS4-HMAC-SHA256-PAYLOAD", timestamp, scope, previous, EMPTY_SHA256,
                    HEX.formatHex(sha256(data)));
            previous = HEX.formatHex(hmac(key, toSign));
            out.writeBytes((Integer.toHexString(n) + ";chunk-signature=" + previous + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(data);
            out.writeBytes(new byte[] {'\r', '\n'});
            if (n == 0) {
                return out.toByteArray();
            }
        }
    }

    /**
     * {@code STREAMING-UNSIGNED-PAYLOAD-TRAILER}: unsigned chunks, the final empty chunk, then one
     * trailer line {@code name:value}, as the SDK writes it (proved for CRC32 by {@link #checkAgainst}).
     */
    static byte[] unsignedWithTrailer(byte[] body, int chunkSize, String trailerName, String value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 1024);
        for (int off = 0; off < body.length; off += chunkSize) {
            int n = Math.min(chunkSize, body.length - off);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, off, n);
            out.writeBytes(new byte[] {'\r', '\n'});
        }
        out.writeBytes(("0\r\n" + trailerName + ":" + value + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** The base64 CRC32 of {@code body}, as in {@code x-amz-checksum-crc32}. */
    static String crc32(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /**
     * The base64 CRC-64/NVME of {@code body}, as in {@code x-amz-checksum-crc64nvme}, computed bit by
     * bit here (the SDK computes it only with the native aws-crt library, which the benchmarks do not
     * carry), so it is independent of the gateway's table-driven implementation that it is compared with.
     */
    static String crc64Nvme(byte[] body) {
        long crc = crc64NvmeBitwise(body);
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(8).putLong(crc).array());
    }

    private static long crc64NvmeBitwise(byte[] data) {
        long crc = -1L;
        for (byte b : data) {
            crc ^= b & 0xff;
            for (int i = 0; i < 8; i++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x9A6C9329AC4BC9B5L : crc >>> 1;
            }
        }
        return ~crc;
    }

    static {
        // the catalogued check value of CRC-64/NVME over "123456789"
        if (crc64NvmeBitwise("123456789".getBytes(StandardCharsets.US_ASCII)) != 0xAE8B14860A799888L) {
            throw new IllegalStateException("reference CRC-64/NVME is wrong");
        }
    }

    /** Fails setup unless {@code framed} at the SDK's chunk size equals what the SDK sent. */
    static void checkAgainst(byte[] framed, byte[] sdkWire) {
        if (!Arrays.equals(framed, sdkWire)) {
            throw new IllegalStateException("aws-chunked framing differs from the SDK's (" + framed.length + " vs "
                    + sdkWire.length + " bytes)");
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
