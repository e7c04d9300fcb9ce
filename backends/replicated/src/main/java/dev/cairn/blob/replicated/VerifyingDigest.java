package dev.cairn.blob.replicated;

import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.digest.Blake3;
import dev.cairn.blob.digest.Hex;
import dev.cairn.blob.digest.StreamingDigest;
import java.util.List;

/**
 * Recomputes an object's stored BLAKE3 from its bytes in one pass: the plain digest for a
 * single-part object, and for a multipart object the composite of ADR 0007 — the BLAKE3 of the
 * concatenated 32-byte BLAKE3s of the parts, cut at {@link ObjectInfo#partSizes()}, then
 * {@code -N}. Not thread-safe; one per stream.
 */
final class VerifyingDigest {
    private final String expected;
    private final long[] parts;
    private final StreamingDigest outer;
    private StreamingDigest part;
    private int partIndex;
    private long leftInPart;
    private boolean overflow;

    private VerifyingDigest(String expected, long[] parts, boolean composite) {
        this.expected = expected;
        this.parts = parts;
        this.outer = composite ? Blake3.newHasher() : null;
        this.part = Blake3.newHasher();
        this.leftInPart = parts[0];
    }

    /**
     * A digest that checks {@code info}'s BLAKE3, or null when {@code info} carries none this class
     * can check (no B3, or a composite whose part count or sizes do not add up).
     */
    static VerifyingDigest expecting(ObjectInfo info) {
        String b3 = info.blake3();
        if (b3 == null || b3.length() < 64 || !Hex.isLowerHex(b3.substring(0, 64), 64)) {
            return null;
        }
        List<Long> sizes = info.partSizes();
        if (sizes.isEmpty()) {
            return b3.length() == 64 ? new VerifyingDigest(b3, new long[] {info.size()}, false) : null;
        }
        long[] parts = sizes.stream().mapToLong(Long::longValue).toArray();
        if (!b3.substring(64).equals("-" + parts.length) || java.util.Arrays.stream(parts).sum() != info.size()) {
            return null;
        }
        return new VerifyingDigest(b3, parts, true);
    }

    void update(byte[] b, int off, int len) {
        while (len > 0) {
            while (leftInPart == 0) {
                if (!nextPart()) {
                    overflow = true;
                    return;
                }
            }
            int take = (int) Math.min(len, leftInPart);
            part.update(b, off, take);
            leftInPart -= take;
            off += take;
            len -= take;
        }
    }

    /** Whether the bytes given so far are exactly the object's; call once, after the last byte. */
    boolean matches() {
        if (overflow || leftInPart != 0) {
            return false;
        }
        if (outer == null) {
            return Hex.encode(part.finish()).equals(expected);
        }
        while (nextPart()) {
            if (leftInPart != 0) {
                return false;
            }
        }
        outer.update(part.finish(), 0, Blake3.LENGTH);
        return (Hex.encode(outer.finish()) + "-" + parts.length).equals(expected);
    }

    /** Closes the current part into the composite and opens the next; false when there is none. */
    private boolean nextPart() {
        if (outer == null || partIndex == parts.length - 1) {
            return false;
        }
        outer.update(part.finish(), 0, Blake3.LENGTH);
        partIndex++;
        part = Blake3.newHasher();
        leftInPart = parts[partIndex];
        return true;
    }
}
