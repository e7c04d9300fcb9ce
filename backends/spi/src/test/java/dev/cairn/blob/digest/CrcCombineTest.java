package dev.cairn.blob.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Checks combination against whole-object CRCs computed independently over the bytes: the JDK's
 * CRC32 and CRC32C, and the table-driven CRC-64/NVME (itself checked against the catalogue value
 * in {@link ChecksumAlgorithmTest}).
 */
class CrcCombineTest {
    private static final byte[] DATA = data(70_001);

    private static byte[] data(int n) {
        byte[] b = new byte[n];
        new Random(42).nextBytes(b);
        return b;
    }

    private static long crc(ChecksumAlgorithm a, byte[] b, int off, int len) {
        switch (a) {
            case CRC32 -> {
                CRC32 c = new CRC32();
                c.update(b, off, len);
                return c.getValue();
            }
            case CRC32C -> {
                CRC32C c = new CRC32C();
                c.update(b, off, len);
                return c.getValue();
            }
            default -> {
                StreamingDigest d = a.newDigest();
                d.update(b, off, len);
                return CrcCombine.fromText(a, a.toText(d.finish()));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = ChecksumAlgorithm.class, names = {"CRC32", "CRC32C", "CRC64NVME"})
    void twoRunsAtEverySplitOfASmallBuffer(ChecksumAlgorithm a) {
        byte[] small = java.util.Arrays.copyOf(DATA, 67);
        long whole = crc(a, small, 0, small.length);
        for (int split = 0; split <= small.length; split++) {
            long left = crc(a, small, 0, split);
            long right = crc(a, small, split, small.length - split);
            assertEquals(whole, CrcCombine.combine(a, left, right, small.length - split), a + " split at " + split);
        }
    }

    @ParameterizedTest
    @EnumSource(value = ChecksumAlgorithm.class, names = {"CRC32", "CRC32C", "CRC64NVME"})
    void manyPartsIncludingEmptyOnesAtRandomSplits(ChecksumAlgorithm a) {
        Random r = new Random(a.ordinal());
        long whole = crc(a, DATA, 0, DATA.length);
        for (int round = 0; round < 200; round++) {
            int parts = 1 + r.nextInt(12);
            int[] cuts = new int[parts + 1];
            cuts[parts] = DATA.length;
            for (int i = 1; i < parts; i++) {
                cuts[i] = r.nextInt(DATA.length + 1);
            }
            java.util.Arrays.sort(cuts); // equal cuts make empty parts
            long acc = crc(a, DATA, cuts[0], cuts[1] - cuts[0]);
            for (int i = 1; i < parts; i++) {
                int len = cuts[i + 1] - cuts[i];
                acc = CrcCombine.combine(a, acc, crc(a, DATA, cuts[i], len), len);
            }
            assertEquals(whole, acc, a + " round " + round);
        }
    }

    @Test
    void combiningWithAnEmptyRunChangesNothing() {
        long c = crc(ChecksumAlgorithm.CRC32, DATA, 0, 100);
        assertEquals(c, CrcCombine.combine(ChecksumAlgorithm.CRC32, c, 0, 0));
        assertEquals(c, CrcCombine.combine(ChecksumAlgorithm.CRC32, 0, c, 100));
    }

    @Test
    void largeLengthsUseHighPowers() {
        // A 5 GiB run of zero bytes, checked against the run built from 1 MiB zero blocks by repeated combination.
        ChecksumAlgorithm a = ChecksumAlgorithm.CRC32C;
        byte[] mib = new byte[1 << 20];
        long block = crc(a, mib, 0, mib.length);
        long acc = block;
        for (int i = 1; i < 5 * 1024; i++) {
            acc = CrcCombine.combine(a, acc, block, mib.length);
        }
        long fiveGiB = 5L << 30;
        long viaOneStep = CrcCombine.combine(a, block, acc, fiveGiB); // 1 MiB ‖ 5 GiB
        long viaBlocks = CrcCombine.combine(a, acc, block, mib.length); // 5 GiB ‖ 1 MiB: same bytes (all zero)
        assertEquals(viaBlocks, viaOneStep);
    }

    @Test
    void textRoundTripAndRefusals() {
        long v = crc(ChecksumAlgorithm.CRC64NVME, DATA, 0, 999);
        assertEquals(v, CrcCombine.fromText(ChecksumAlgorithm.CRC64NVME, CrcCombine.toText(ChecksumAlgorithm.CRC64NVME, v)));
        assertEquals("AAAAAA==", CrcCombine.toText(ChecksumAlgorithm.CRC32, 0));
        assertThrows(IllegalArgumentException.class, () -> CrcCombine.combine(ChecksumAlgorithm.SHA256, 1, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> CrcCombine.combine(ChecksumAlgorithm.CRC32, 1, 2, -1));
        assertThrows(IllegalArgumentException.class, () -> CrcCombine.fromText(ChecksumAlgorithm.CRC32, "AAAAAAAAAAA="));
    }
}
