package dev.cairn.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Where the Terraform checks find their tools and modules, and how they run a tool.
 *
 * <p>Paths come from system properties the module's pom sets ({@code cairn.tofu}, {@code cairn.hcl2tojson},
 * {@code cairn.checkov}, {@code cairn.terraform.dir}); the tools are installed by
 * {@code terraform/scripts/ensure-tools.sh}, which the build runs before the tests. A missing tool fails the
 * test naming that script: these checks never skip.
 */
final class TerraformTools {
    private TerraformTools() {
    }

    /** The repository's {@code terraform/} directory. */
    static Path terraformDir() {
        Path dir = Path.of(required("cairn.terraform.dir"));
        if (!Files.isDirectory(dir.resolve("aws")) || !Files.isDirectory(dir.resolve("gcp"))) {
            throw new IllegalStateException("cairn.terraform.dir=" + dir + " holds no aws/ and gcp/ modules");
        }
        return dir.toAbsolutePath().normalize();
    }

    static Path tofu() {
        return tool("cairn.tofu", "OpenTofu");
    }

    static Path hcl2tojson() {
        return tool("cairn.hcl2tojson", "python-hcl2 (hcl2tojson)");
    }

    static Path checkov() {
        return tool("cairn.checkov", "checkov");
    }

    private static Path tool(String property, String what) {
        return requireExecutable(Path.of(required(property)), what);
    }

    /**
     * {@code path} if it is an executable file.
     *
     * @throws IllegalStateException naming {@code what} and the install script otherwise
     */
    static Path requireExecutable(Path path, String what) {
        if (!Files.isExecutable(path) || Files.isDirectory(path)) {
            throw new IllegalStateException(what + " is missing at " + path
                    + ": run terraform/scripts/ensure-tools.sh (the Maven build runs it before these tests)");
        }
        return path;
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property
                    + " is not set: run these tests through Maven (testing/deploy-checks/pom.xml sets it)");
        }
        return value;
    }

    /** What a finished tool run printed. */
    record Result(int exitCode, String stdout, String stderr) {
        String describe() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    /**
     * Runs {@code command} in {@code dir} and waits for it.
     *
     * @throws IllegalStateException if it cannot start or outlives {@code timeout} (it is then killed)
     */
    static Result run(Path dir, Duration timeout, List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        // checkov and pip-installed tools phone home for version checks unless told not to.
        pb.environment().put("CHECKOV_RUN_SCA_PACKAGE_SCAN_V2", "false");
        pb.environment().put("BC_SKIP_MAPPING", "TRUE");
        pb.environment().put("LC_ALL", "C.UTF-8");
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            CompletableFuture<String> out = drain(p.getInputStream());
            CompletableFuture<String> err = drain(p.getErrorStream());
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish within " + timeout);
            }
            return new Result(p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    private static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(unreadable: " + e + ")";
            }
        });
    }
}
