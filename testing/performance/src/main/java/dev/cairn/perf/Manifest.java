package dev.cairn.perf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed manifest the simulations read ({@code cairn.perf.seed}): UTF-8, one line per seeded
 * object, {@code kind<TAB>size<TAB>path}, where path is what to GET: {@code /bench/<key>} over S3,
 * {@code /o/b3:<hex>} over OAP.
 */
final class Manifest {
    /** One line: what was seeded and where a client reads it. */
    record Entry(String kind, int size, String path) {
    }

    private final List<Entry> entries = new ArrayList<>();

    void add(SeedObject object, String path) {
        entries.add(new Entry(object.kind(), object.size(), path));
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** @throws UncheckedIOException if the file cannot be written */
    Path write(Path file) {
        StringBuilder text = new StringBuilder();
        for (Entry e : entries) {
            text.append(e.kind()).append('\t').append(e.size()).append('\t').append(e.path()).append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the seed manifest " + file, e);
        }
    }

    static String s3Path(SeedObject object) {
        return "/" + SeedPlan.BUCKET + "/" + object.key();
    }

    static String oapPath(String address) {
        return "/o/" + address;
    }
}
