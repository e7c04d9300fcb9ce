package dev.cairn.blob.digest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The Java BLAKE3 against BouncyCastle's, over lengths and update patterns that hit every boundary. */
class JavaBlake3Test {
    private static final int KIB = 1024;
    // More helpers than cores on purpose: pieces then really finish out of order.
    private static final Blake3Helpers HELPERS = Blake3Helpers.dedicated(3);
    private static final ExecutorService CALLERS = Executors.newFixedThreadPool(8);

    @AfterAll
    static void stop() {
        CALLERS.shutdownNow();
    }

    private static byte[] random(Random r, int length) {
        byte[] b = new byte[length];
        r.nextBytes(b);
        return b;
    }

    private static byte[] reference(byte[] data) {
        StreamingDigest d = new BouncyCastleBlake3();
        d.update(data, 0, data.length);
        return d.finish();
    }

    /** Feeds {@code data} in pieces chosen by {@code pattern}: 0 one shot, 1 single bytes, 2 odd sizes, 3 64 KiB, 4 random. */
    private static byte[] hash(StreamingDigest d, byte[] data, int pattern, Random r) {
        int off = 0;
        while (off < data.length) {
            int left = data.length - off;
            int n = switch (pattern) {
                case 0 -> left;
                case 1 -> 1;
                case 2 -> 1 + 2 * r.nextInt(600);
                case 3 -> 64 * KIB;
                default -> 1 + r.nextInt(r.nextBoolean() ? 3 * KIB : 80 * KIB);
            };
            n = Math.min(n, left);
            d.update(data, off, n);
            off += n;
        }
        return d.finish();
    }

    private static List<Integer> lengths(Random r) {
        List<Integer> out = new ArrayList<>();
        // Chunk (1 KiB), parallel threshold (16 KiB) and 64 KiB-buffer boundaries, and one past each.
        for (int base : new int[] {0, 64, KIB, 2 * KIB, 16 * KIB, 17 * KIB, 32 * KIB, 64 * KIB, 128 * KIB, 256 * KIB, 300 * KIB}) {
            for (int delta = -1; delta <= 1; delta++) {
                if (base + delta >= 0) {
                    out.add(base + delta);
                }
            }
        }
        for (int i = 0; i < 40; i++) {
            out.add(r.nextInt(300 * KIB + 1));
        }
        return out;
    }

    @Test
    void equalsBouncyCastleForEveryLengthAndUpdatePatternWithAndWithoutHelpers() {
        Random r = new Random(8);
        for (int length : lengths(r)) {
            byte[] data = random(r, length);
            byte[] expected = reference(data);
            for (int pattern = 0; pattern <= 4; pattern++) {
                if (pattern == 1 && length > 20 * KIB) {
                    continue; // byte-at-a-time is covered below the parallel threshold and by the vectors
                }
                String what = "length " + length + ", pattern " + pattern;
                assertArrayEquals(expected, hash(new JavaBlake3(Blake3Helpers.NONE), data, pattern, r), "alone, " + what);
                assertArrayEquals(expected, hash(new JavaBlake3(HELPERS), data, pattern, r), "with helpers, " + what);
            }
        }
    }

    @Test
    void startsOfBatchesAtEveryAlignmentMatchBouncyCastle() {
        // A partial first update shifts every later batch off a power-of-two boundary.
        Random r = new Random(9);
        byte[] data = random(r, 200 * KIB + 7);
        byte[] expected = reference(data);
        for (int head = 0; head <= 40; head++) {
            int first = head * KIB + head;
            StreamingDigest d = new JavaBlake3(HELPERS);
            d.update(data, 0, first);
            d.update(data, first, data.length - first);
            assertArrayEquals(expected, d.finish(), "first update " + first);
        }
    }

    @Test
    void manyConcurrentHashersSharingHelpersAreAllCorrect() throws Exception {
        Random r = new Random(10);
        List<byte[]> inputs = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            inputs.add(random(r, 100 * KIB + r.nextInt(900 * KIB)));
        }
        List<Callable<Boolean>> jobs = new ArrayList<>();
        for (Blake3Helpers helpers : new Blake3Helpers[] {HELPERS, Blake3Helpers.shared()}) {
            for (byte[] data : inputs) {
                byte[] expected = reference(data);
                jobs.add(() -> java.util.Arrays.equals(expected, hash(new JavaBlake3(helpers), data, 3, new Random(data.length))));
            }
        }
        for (Future<Boolean> f : CALLERS.invokeAll(jobs)) {
            assertTrue(f.get());
        }
    }

    @Test
    void aMebibyteTakesTheParallelPathAndHelpersDoShareTheWork() {
        byte[] data = random(new Random(11), 1024 * KIB);
        byte[] expected = reference(data);
        long offered = Blake3Batch.OFFERED.sum();
        long helped = Blake3Batch.HELPED.sum();
        Blake3Helpers one = Blake3Helpers.dedicated(1);
        assertArrayEquals(expected, hash(new JavaBlake3(one), data, 3, null));
        assertTrue(Blake3Batch.OFFERED.sum() > offered, "no 64 KiB update was offered to a helper");
        // A helper may lose every race for a while on a loaded machine, but not a thousand times.
        for (int i = 0; i < 1000 && Blake3Batch.HELPED.sum() == helped; i++) {
            assertArrayEquals(expected, hash(new JavaBlake3(one), data, 0, null));
        }
        assertTrue(Blake3Batch.HELPED.sum() > helped, "helpers never hashed a piece");
    }

    @Test
    void smallUpdatesAsASocketDeliversThemAreStagedIntoTheParallelPath() {
        byte[] data = random(new Random(12), 1024 * KIB + 321);
        long offered = Blake3Batch.OFFERED.sum();
        JavaBlake3 hasher = new JavaBlake3(Blake3Helpers.dedicated(1));
        // 8 KiB and odd-sized reads, as a stream over Jetty's network buffers hands them over
        int[] sizes = {8192, 16384, 1500, 4096, 9000};
        int off = 0;
        for (int i = 0; off < data.length; i++) {
            int n = Math.min(sizes[i % sizes.length], data.length - off);
            hasher.update(data, off, n);
            off += n;
        }
        assertArrayEquals(reference(data), hasher.finish());
        assertTrue(Blake3Batch.OFFERED.sum() > offered, "small updates never reached the parallel path");
    }

    @Test
    void theDefaultHasherUsesHelpersExactlyWhenThereIsASecondCore() {
        byte[] data = random(new Random(12), 1024 * KIB);
        long offered = Blake3Batch.OFFERED.sum();
        assertArrayEquals(reference(data), hash(Blake3.newHasher(), data, 3, null));
        boolean multiCore = Runtime.getRuntime().availableProcessors() > 1;
        assertEquals(multiCore, Blake3.parallelEnabled());
        assertEquals(multiCore, Blake3Batch.OFFERED.sum() > offered, "parallel path taken on a machine with "
                + Runtime.getRuntime().availableProcessors() + " cores");
    }

    @Test
    void withoutHelpersNothingIsOffered() {
        byte[] data = random(new Random(13), 1024 * KIB);
        long offered = Blake3Batch.OFFERED.sum();
        hash(new JavaBlake3(Blake3Helpers.NONE), data, 0, null);
        assertEquals(offered, Blake3Batch.OFFERED.sum());
    }

    @Test
    void misuseIsAClearError() {
        StreamingDigest d = new JavaBlake3(Blake3Helpers.NONE);
        assertThrows(IndexOutOfBoundsException.class, () -> d.update(new byte[4], 2, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> d.update(new byte[4], -1, 1));
        d.finish();
        assertThrows(IllegalStateException.class, d::finish);
        assertThrows(IllegalStateException.class, () -> d.update(new byte[1], 0, 1));
    }

    @Test
    void switchesAcceptTheirValuesAndIgnoreTypos() {
        assertFalse(Blake3.choice("p", null, "java", "bouncycastle"));
        assertFalse(Blake3.choice("p", "java", "java", "bouncycastle"));
        assertTrue(Blake3.choice("p", " BouncyCastle ", "java", "bouncycastle"));
        assertFalse(Blake3.choice("p", "bouncy", "java", "bouncycastle"));
        assertTrue(Blake3.choice("p", "false", "true", "false"));
        assertFalse(Blake3.choice("p", "no", "true", "false"));
    }
}
