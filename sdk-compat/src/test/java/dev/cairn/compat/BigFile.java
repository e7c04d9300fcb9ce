package dev.cairn.compat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/**
 * Large test files written fast and compared without holding them in memory. Every MiB is the
 * same seeded random buffer stamped with its index, so a part stored twice, dropped or out of
 * order changes the digest.
 */
final class BigFile {
    private static final int MIB = 1 << 20;

    private BigFile() {
    }

    /** Writes {@code size} deterministic bytes to {@code file} and returns it. */
    static Path write(Path file, long size) throws IOException {
        byte[] block = new byte[MIB];
        new Random(size).nextBytes(block);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long off = 0, index = 0; off < size; off += MIB, index++) {
                ByteBuffer.wrap(block).putLong(0, index);
                out.write(block, 0, (int) Math.min(MIB, size - off));
            }
        }
        return file;
    }

    /** SHA-256 of a file, hex. */
    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return sha256(in);
        }
    }

    /** SHA-256 of what is left in {@code in}, hex; does not close it. */
    static String sha256(InputStream in) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buf = new byte[MIB];
        for (int n; (n = in.read(buf)) > 0; ) {
            sha.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
