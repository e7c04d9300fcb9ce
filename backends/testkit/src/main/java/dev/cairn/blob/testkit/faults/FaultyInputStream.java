package dev.cairn.blob.testkit.faults;

import dev.cairn.blob.io.CheckingInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A read stream with injected faults: it fails after a number of bytes (a connection dropped
 * mid-body) and/or yields one byte inverted (bit rot at rest). Built on
 * {@link CheckingInputStream} so single-byte reads and skips meet the same faults.
 */
final class FaultyInputStream extends CheckingInputStream {
    private final long truncateAfter;
    private final long flipAt;
    private long position;

    /**
     * @param truncateAfter bytes to yield before failing, or {@link Faults#NONE}
     * @param flipAt offset of the byte to invert, or {@link Faults#NONE}
     */
    FaultyInputStream(InputStream in, long truncateAfter, long flipAt) {
        super(in);
        this.truncateAfter = truncateAfter;
        this.flipAt = flipAt;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int want = len;
        if (truncateAfter != Faults.NONE) {
            if (position >= truncateAfter) {
                throw new IOException("injected fault: stream cut after " + truncateAfter + " bytes");
            }
            want = (int) Math.min(len, truncateAfter - position);
        }
        int n = in.read(b, off, want);
        if (n > 0) {
            if (flipAt != Faults.NONE && flipAt >= position && flipAt < position + n) {
                int i = off + (int) (flipAt - position);
                b[i] = (byte) ~b[i];
            }
            position += n;
        }
        return n;
    }
}
