package dev.cairn.perf;

import dev.cairn.blob.digest.Blake3;
import java.util.SplittableRandom;

/**
 * One seeded object: its S3 key in bucket {@code bench}, its size and whether the workloads read it
 * often ({@code hot}) or rarely ({@code cold}). Its bytes are a pure function of the key, so every
 * target holds exactly the same bytes and a rerun seeds the same data.
 */
record SeedObject(String kind, int size, String key) {
    static final String HOT = "hot";
    static final String COLD = "cold";

    /** The object's bytes: random (incompressible), seeded by the key. */
    byte[] bytes() {
        byte[] out = new byte[size];
        new SplittableRandom(key.hashCode() * 0x9E3779B97F4A7C15L + size).nextBytes(out);
        return out;
    }

    /** The OAP address of {@link #bytes()}: {@code b3:} and the BLAKE3 in lower-case hex. */
    static String address(byte[] bytes) {
        return "b3:" + Blake3.hex(bytes);
    }
}
