package dev.cairn.perf.gatling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed manifest the orchestrator writes: UTF-8 TSV, one line per object,
 * {@code kind<TAB>size<TAB>path}, kind {@code hot} or {@code cold}. Blank lines and lines starting
 * with {@code #} are ignored.
 */
final class SeedManifest {
    /** One seeded object: its size in bytes and the URL path that GETs it. */
    record Entry(boolean hot, long size, String path) {
    }

    final List<Entry> hot;
    final List<Entry> cold;

    private SeedManifest(List<Entry> hot, List<Entry> cold) {
        this.hot = List.copyOf(hot);
        this.cold = List.copyOf(cold);
    }

    /**
     * @throws UncheckedIOException when the file cannot be read
     * @throws IllegalArgumentException for a malformed line (named by number) or a manifest without hot objects
     */
    static SeedManifest read(Path file) {
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cairn.perf.seed: cannot read " + file, e);
        }
    }

    static SeedManifest parse(List<String> lines, String source) {
        List<Entry> hot = new ArrayList<>();
        List<Entry> cold = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            String where = source + " line " + (i + 1);
            if (f.length != 3 || !f[2].startsWith("/")) {
                throw new IllegalArgumentException(where + ": expected kind<TAB>size<TAB>/path, got '" + line + "'");
            }
            long size;
            try {
                size = Long.parseLong(f[1]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + ": size '" + f[1] + "' is not a number", e);
            }
            switch (f[0]) {
                case "hot" -> hot.add(new Entry(true, size, f[2]));
                case "cold" -> cold.add(new Entry(false, size, f[2]));
                default -> throw new IllegalArgumentException(where + ": kind '" + f[0] + "' is neither hot nor cold");
            }
        }
        if (hot.isEmpty()) {
            throw new IllegalArgumentException(source + ": no hot objects; the read mixes need some");
        }
        return new SeedManifest(hot, cold);
    }

    /** Hot objects whose size is at least {@code min} and at most {@code max}; all hot objects when none fits. */
    List<Entry> hotSized(long min, long max) {
        List<Entry> fit = hot.stream().filter(e -> e.size() >= min && e.size() <= max).toList();
        return fit.isEmpty() ? hot : fit;
    }
}
