package dev.cairn.blob.digest;

import java.util.Locale;

/**
 * BLAKE3-256, behind the one interface every caller uses.
 *
 * <p>The default implementation is Cairn's own pure-Java BLAKE3 ({@code JavaBlake3}, ADR 0018):
 * an unrolled compression function, and for large updates the independent 1 KiB chunks hashed
 * up to 64 at a time in SIMD lanes (auto-vectorised by C2), by the calling thread together with a
 * small shared pool of daemon helper threads (one per extra core). Two JVM system properties, read once when this class loads, change that:
 * <ul>
 *   <li>{@code -Dcairn.blake3.parallel=false}: never use helper threads (each hash stays on its
 *       caller's thread); default {@code true}.
 *   <li>{@code -Dcairn.blake3.impl=bouncycastle}: a diagnostic escape hatch back to
 *       BouncyCastle's {@code Blake3Digest} (single-threaded, about a third of
 *       the speed on two cores); default {@code java}.
 * </ul>
 * An unknown value is reported once on the {@code dev.cairn.blob.digest.Blake3} logger and the
 * default is used, so a typo never stops writes.
 */
public final class Blake3 {
    /** Digest length in bytes. */
    public static final int LENGTH = 32;
    static final String IMPL_PROPERTY = "cairn.blake3.impl";
    static final String PARALLEL_PROPERTY = "cairn.blake3.parallel";

    private static final boolean BOUNCY_CASTLE =
            choice(IMPL_PROPERTY, System.getProperty(IMPL_PROPERTY), "java", "bouncycastle");
    private static final Blake3Helpers HELPERS =
            choice(PARALLEL_PROPERTY, System.getProperty(PARALLEL_PROPERTY), "true", "false") ? Blake3Helpers.NONE : Blake3Helpers.shared();

    private Blake3() {
    }

    /** A fresh hasher; not thread-safe, one per stream. */
    public static StreamingDigest newHasher() {
        return BOUNCY_CASTLE ? new BouncyCastleBlake3() : new JavaBlake3(HELPERS);
    }

    /** Whether the default hasher lends work to helper threads (multi-core and not switched off). */
    static boolean parallelEnabled() {
        return !BOUNCY_CASTLE && HELPERS.threads() > 0;
    }

    /** BLAKE3 of {@code data} as 64 lowercase hex digits. */
    public static String hex(byte[] data) {
        StreamingDigest d = newHasher();
        d.update(data, 0, data.length);
        return Hex.encode(d.finish());
    }

    /**
     * True when {@code value} selects {@code alternative}; false for null, {@code standard}, or
     * anything else (which is logged as ignored).
     */
    static boolean choice(String property, String value, String standard, String alternative) {
        if (value == null) {
            return false;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals(alternative)) {
            return true;
        }
        if (!v.isEmpty() && !v.equals(standard)) {
            System.getLogger(Blake3.class.getName()).log(System.Logger.Level.WARNING,
                    "ignoring -D{0}={1}: expected {2} or {3}; using {2}", property, value, standard, alternative);
        }
        return false;
    }
}
