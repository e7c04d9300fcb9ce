package dev.cairn.blob.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChecksumAlgorithmTest {
    private static final byte[] CHECK = "123456789".getBytes(StandardCharsets.US_ASCII);

    private static String text(ChecksumAlgorithm a, byte[] data, int chunk) {
        StreamingDigest d = a.newDigest();
        for (int off = 0; off < data.length; off += chunk) {
            d.update(data, off, Math.min(chunk, data.length - off));
        }
        return a.toText(d.finish());
    }

    @Test
    void catalogueCheckValues() {
        // Check values from the CRC catalogue (reveng): CRC-32 CBF43926, CRC-32C E3069283, CRC-64/NVME AE8B14860A799888.
        assertEquals(b64(0xCBF43926L, 4), text(ChecksumAlgorithm.CRC32, CHECK, 9));
        assertEquals(b64(0xE3069283L, 4), text(ChecksumAlgorithm.CRC32C, CHECK, 9));
        assertEquals(b64(0xAE8B14860A799888L, 8), text(ChecksumAlgorithm.CRC64NVME, CHECK, 9));
        assertEquals("AAAAAAAAAAA=", text(ChecksumAlgorithm.CRC64NVME, new byte[0], 1));
    }

    @Test
    void crc64IsIndependentOfChunking() {
        byte[] data = new byte[10_007];
        new Random(7).nextBytes(data);
        String whole = text(ChecksumAlgorithm.CRC64NVME, data, data.length);
        for (int chunk : new int[] {1, 3, 7, 8, 9, 64, 4096}) {
            assertEquals(whole, text(ChecksumAlgorithm.CRC64NVME, data, chunk), "chunk " + chunk);
        }
    }

    @Test
    void shaAndMd5TextForms() {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        assertEquals("900150983cd24fb0d6963f7d28e17f72", text(ChecksumAlgorithm.MD5, abc, 3));
        assertEquals("qZk+NkcGgWq6PiVxeFDCbJzQ2J0=", text(ChecksumAlgorithm.SHA1, abc, 1));
        assertEquals("ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=", text(ChecksumAlgorithm.SHA256, abc, 2));
    }

    private static String b64(long v, int bytes) {
        byte[] out = new byte[bytes];
        for (int k = 0; k < bytes; k++) {
            out[k] = (byte) (v >>> (8 * (bytes - 1 - k)));
        }
        return Base64.getEncoder().encodeToString(out);
    }
}
