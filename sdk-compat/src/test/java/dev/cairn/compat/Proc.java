package dev.cairn.compat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a client program to completion and captures its output. */
final class Proc {
    private Proc() {
    }

    /** Exit code, standard output and standard error of one run. */
    record Result(int exitCode, String stdout, String stderr) {
        /** The run as text, for assertion messages. */
        String describe() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    /**
     * @param env added to a scrubbed environment: no AWS_* or RCLONE_* variable or config file of
     *     the machine's user can leak into a lane
     */
    static Result run(Path cwd, Map<String, String> env, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("RCLONE_") || k.startsWith("BOTO"));
        pb.environment().put("HOME", cwd.toString());
        pb.environment().putAll(env);
        Path out = cwd.resolve("stdout-" + System.nanoTime() + ".txt");
        Path err = cwd.resolve("stderr-" + System.nanoTime() + ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out after 120 s: " + String.join(" ", command));
        }
        return new Result(p.exitValue(), java.nio.file.Files.readString(out, StandardCharsets.UTF_8),
                java.nio.file.Files.readString(err, StandardCharsets.UTF_8));
    }
}
