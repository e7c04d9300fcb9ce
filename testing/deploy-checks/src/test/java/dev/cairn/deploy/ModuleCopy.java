package dev.cairn.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deliberately broken copy of a module: the checks must report what was broken in it. Each edit must match,
 * so a copy can never silently stay intact when the module's text changes.
 */
final class ModuleCopy {
    private final Path dir;

    private ModuleCopy(Path dir) {
        this.dir = dir;
    }

    /** Copies the {@code *.tf} files of {@code module} into {@code into}. */
    static ModuleCopy of(Path module, Path into) {
        try {
            Files.createDirectories(into);
            for (Path f : HclModule.filesEndingIn(module, ".tf")) {
                Files.copy(f, into.resolve(f.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ModuleCopy(into);
    }

    Path dir() {
        return dir;
    }

    /**
     * Replaces the first match of {@code regex} in {@code file} with {@code replacement} ({@code $1} names a group).
     *
     * @throws IllegalStateException if the regex matches nothing: the broken copy would not be broken
     */
    ModuleCopy replace(String file, String regex, String replacement) {
        Path f = dir.resolve(file);
        String text = read(f);
        Matcher matcher = Pattern.compile(regex).matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("the edit /" + regex + "/ matches nothing in " + file
                    + ": update the broken-copy case to the module's current text");
        }
        write(f, matcher.replaceFirst(replacement));
        return this;
    }

    /** Appends {@code hcl} to {@code file}. */
    ModuleCopy append(String file, String hcl) {
        Path f = dir.resolve(file);
        write(f, read(f) + "\n" + hcl + "\n");
        return this;
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path f, String text) {
        try {
            Files.writeString(f, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
