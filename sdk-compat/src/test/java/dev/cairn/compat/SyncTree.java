package dev.cairn.compat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The local tree the {@code sync} lanes send up and fetch back: names that need URL encoding,
 * XML escaping and UTF-8 (spaces, {@code +}, {@code %}, {@code &}, Unicode) and nesting.
 */
final class SyncTree {
    /** Relative path to content. */
    static final Map<String, byte[]> FILES = Map.of(
            "with space/a file.txt", utf8("space"),
            "plus+sign/1+1=2.txt", utf8("plus"),
            "per%cent/100%25 done.txt", utf8("percent"),
            "\u00fcn\u00efc\u00f8d\u00e9 \u2713/\u65e5\u672c\u8a9e \u30d5\u30a1\u30a4\u30eb.txt", utf8("unicode"),
            "deep/a/b/c/Tom & Jerry.txt", utf8("ampersand"),
            "deep/a/six-hundred-kb.bin", JavaSdkLane.bytes(600_000));

    private SyncTree() {
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Writes {@link #FILES} under {@code root} and returns {@code root}. */
    static Path write(Path root) throws IOException {
        for (Map.Entry<String, byte[]> f : FILES.entrySet()) {
            Path p = root.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, f.getValue());
        }
        return root;
    }

    /** The regular files under {@code root}, by relative path ({@code /}-separated). */
    static Map<String, byte[]> read(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(p -> {
                try {
                    files.put(root.relativize(p).toString().replace(java.io.File.separatorChar, '/'), Files.readAllBytes(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return files;
    }

    /** {@code actual} holds exactly {@code expected}'s files, byte for byte. */
    static void assertSameTree(Path expected, Path actual) throws IOException {
        Map<String, byte[]> want = read(expected);
        Map<String, byte[]> got = read(actual);
        assertEquals(want.keySet(), got.keySet(), "file names after the round trip");
        want.forEach((name, bytes) -> assertArrayEquals(bytes, got.get(name), name));
    }
}
