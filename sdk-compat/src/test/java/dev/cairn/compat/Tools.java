package dev.cairn.compat;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the client programs the lanes run. A missing tool fails the test with the install step
 * to take; only tools that the Maven build cannot provide itself (rclone and Debian's AWS CLI v2,
 * system packages) may be skipped, and never when {@code CI} is set.
 */
final class Tools {
    private static final String VENV_STEP = "run sdk-compat/scripts/ensure-python-clients.sh (the Maven build runs it before the tests)";

    private Tools() {
    }

    /** The venv holding boto3, the AWS CLI and s3cmd. */
    static Path venv() {
        String dir = System.getProperty("cairn.venv");
        Path venv = dir == null ? Path.of("..", ".build", "venv") : Path.of(dir);
        return venv.toAbsolutePath().normalize();
    }

    /** A program from the venv's {@code bin/}, e.g. {@code aws}, {@code python}, {@code s3cmd}. */
    static Path venvProgram(String name) {
        Path p = venv().resolve("bin").resolve(name);
        if (!Files.isExecutable(p)) {
            fail(p + " is missing: " + VENV_STEP);
        }
        return p;
    }

    /** The directory holding the lanes' Python scripts. */
    static Path pythonDir() {
        String dir = System.getProperty("cairn.python.dir");
        return (dir == null ? Path.of("src", "test", "python") : Path.of(dir)).toAbsolutePath();
    }

    /** A script from {@code sdk-compat/scripts/}. */
    static Path script(String name) {
        String dir = System.getProperty("cairn.scripts.dir");
        Path p = (dir == null ? Path.of("scripts") : Path.of(dir)).resolve(name).toAbsolutePath();
        if (!Files.isReadable(p)) {
            fail(p + " is missing");
        }
        return p;
    }

    /**
     * A program expected on the PATH, installed by the system's package manager; outside CI a
     * machine without it skips the lane.
     *
     * @param installStep how to install it, quoted in the failure or skip message
     */
    static Path systemProgram(String name, String installStep) {
        return onPath(name).orElseGet(() -> missing(name + " is not on the PATH; " + installStep));
    }

    /**
     * A system package's program at a fixed path, for a tool whose name another version also
     * uses (Debian's AWS CLI v2 is {@code /usr/bin/aws}; the venv's v1 is {@code aws} too).
     */
    static Path systemProgramAt(Path path, String installStep) {
        return Files.isExecutable(path) ? path : missing(path + " is missing; " + installStep);
    }

    /** A program the lanes' scripts call (curl, bash): never skipped, since every machine is expected to have it. */
    static Path requiredProgram(String name, String installStep) {
        return onPath(name).orElseGet(() -> {
            fail(name + " is not on the PATH; " + installStep);
            throw new AssertionError("unreachable");
        });
    }

    private static Optional<Path> onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (!dir.isEmpty() && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static Path missing(String message) {
        if (System.getenv("CI") != null) {
            fail(message + " (.ci/run does this when run as root)");
        }
        Assumptions.abort(message + " — lane skipped outside CI");
        throw new AssertionError("unreachable");
    }
}
