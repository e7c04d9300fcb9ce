package dev.cairn.deploy;

import dev.cairn.deploy.DockerfileModel.Instruction;
import dev.cairn.deploy.DockerfileModel.Stage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The final stage's filesystem, rebuilt under a temp directory without Docker: each
 * {@code COPY --from=<build stage>} is resolved to the file the repository's build produced (the
 * build stage copies the tree to its {@code WORKDIR}), the {@code VOLUME}s and {@code /tmp} (the
 * tmpfs of {@code --read-only --tmpfs /tmp}) are empty directories. Absolute image paths in
 * commands and {@code ENV} values are rewritten to point into it.
 */
final class DockerfileImageRoot {
    private final Path root;
    /** Image directories the COPYs fill: read-only at run time. */
    private final List<String> appPaths;
    /** The volumes and /tmp: the only places a read-only container can write. */
    private final List<String> writablePaths;

    private DockerfileImageRoot(Path root, List<String> appPaths, List<String> writablePaths) {
        this.root = root;
        this.appPaths = appPaths;
        this.writablePaths = writablePaths;
    }

    /**
     * @throws AssertionError when a COPY source is neither in the repository nor produced by the
     *     stage it names (the message says which)
     */
    static DockerfileImageRoot build(DockerfileModel dockerfile, Path repo, Path root) throws IOException {
        Stage last = dockerfile.finalStage();
        List<String> appPaths = new ArrayList<>();
        List<String> writablePaths = new ArrayList<>();
        for (Instruction copy : last.all("COPY")) {
            String[] words = copy.args().split("\\s+");
            String dest = words[words.length - 1];
            for (int i = 0; i < words.length - 1; i++) {
                Path source = repoPathOf(dockerfile, copy.flags().get("from"), words[i], repo);
                copyInto(source, root.resolve(dest.substring(1)), dest.endsWith("/"));
            }
            appPaths.add(topTwo(dest));
        }
        for (Instruction volume : last.all("VOLUME")) {
            for (String v : volume.execForm().orElseGet(() -> List.of(volume.args().split("\\s+")))) {
                Files.createDirectories(root.resolve(v.substring(1)));
                writablePaths.add(v);
            }
        }
        Files.createDirectories(root.resolve("tmp"));
        writablePaths.add("/tmp");
        return new DockerfileImageRoot(root, appPaths.stream().distinct().toList(), List.copyOf(writablePaths));
    }

    Path root() {
        return root;
    }

    /** {@code s} with every absolute path into the image's copied, volume or tmp directories moved under the root. */
    String rewrite(String s) {
        String alternatives = String.join("|", Stream.concat(appPaths.stream(), writablePaths.stream()).map(Pattern::quote).toList());
        Matcher m = Pattern.compile("(?<![\\w/.-])(" + alternatives + ")(?=[/\\s\"':]|$)").matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(root + m.group(1)));
        }
        return m.appendTail(out).toString();
    }

    /** Where an image path lies on this machine. */
    Path host(String imagePath) {
        return Path.of(rewrite(imagePath));
    }

    /**
     * Size and modification time of every file outside the volumes and /tmp: what a read-only
     * root filesystem would have refused to change.
     */
    Map<String, String> readOnlyPartSnapshot() throws IOException {
        List<Path> writable = writablePaths.stream().map(this::host).toList();
        Map<String, String> snapshot = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            all.filter(p -> writable.stream().noneMatch(p::startsWith)).forEach(p -> {
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    snapshot.put(root.relativize(p).toString(), a.size() + "@" + a.lastModifiedTime());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return snapshot;
    }

    private static Path repoPathOf(DockerfileModel dockerfile, String fromStage, String source, Path repo) {
        if (fromStage == null) {
            return existing(repo.resolve(source), "COPY " + source + " (from the build context)");
        }
        Stage stage = dockerfile.stage(fromStage).orElseThrow(() -> new AssertionError("COPY --from=" + fromStage + ": no such stage"));
        boolean copiesTree = stage.all("COPY").stream().anyMatch(c -> c.flags().isEmpty() && c.args().equals(". ."));
        String workdir = stage.last("WORKDIR").map(Instruction::args).orElseThrow(
                () -> new AssertionError("stage " + fromStage + " has no WORKDIR; cannot map " + source + " to the repository"));
        if (!copiesTree || !source.startsWith(workdir + "/")) {
            throw new AssertionError("COPY --from=" + fromStage + " " + source + ": not under the stage's copy of the tree (" + workdir + ")");
        }
        String relative = source.substring(workdir.length() + 1);
        boolean built = stage.all("RUN").stream().anyMatch(r -> r.args().contains("./mvnw") && r.args().contains("package"));
        if (!built) {
            throw new AssertionError("stage " + fromStage + " never runs ./mvnw package, so " + source + " would not exist");
        }
        return existing(repo.resolve(relative), "COPY --from=" + fromStage + " " + source
                + " (built by ./mvnw package -pl gateway/server -am; run the reactor build before this test)");
    }

    private static Path existing(Path p, String what) {
        if (!Files.exists(p)) {
            throw new AssertionError(what + ": " + p + " does not exist");
        }
        return p;
    }

    private static void copyInto(Path source, Path dest, boolean destIsDir) throws IOException {
        if (Files.isDirectory(source)) {
            try (Stream<Path> files = Files.walk(source)) {
                for (Path f : files.toList()) {
                    Path target = dest.resolve(source.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        } else {
            Path target = destIsDir ? dest.resolve(source.getFileName().toString()) : dest;
            Files.createDirectories(target.getParent());
            Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    /** {@code /opt/cairn/lib/} → {@code /opt/cairn}: the application directory the rewrite maps. */
    private static String topTwo(String dest) {
        String[] parts = dest.substring(1).split("/");
        return parts.length >= 2 ? "/" + parts[0] + "/" + parts[1] : "/" + parts[0];
    }
}
