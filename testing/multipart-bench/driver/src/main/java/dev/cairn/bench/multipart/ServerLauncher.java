package dev.cairn.bench.multipart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts one kind of server, as its own JVM, on a fresh directory. Public for the performance rig
 * ({@code testing/performance}), which starts the same servers.
 */
public interface ServerLauncher {
    String ACCESS_KEY = "AKIDMULTIPARTBENCH01";
    String SECRET_KEY = "multipart-bench-secret-0123456789abcdef";

    /**
     * @param runDir an empty directory for the server's data, configuration and log
     * @throws IllegalStateException if the server does not start (message has its log's end)
     */
    ServerProcess start(Path runDir, int port);

    /** The same {@code java} that runs the driver, with the given options, the classpath and main class. */
    static List<String> javaCommand(List<String> jvmOptions, String classpath, String mainClass) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        return command;
    }

    /** The {@code java} executable of the JDK running this JVM. */
    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Reads a classpath file written by {@code dependency:build-classpath}.
     *
     * @throws IllegalStateException naming the build step when the file is missing or empty
     */
    static String readClasspath(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no classpath file " + file + ": build it first with "
                    + "`./mvnw -B -DskipTests package -pl testing/multipart-bench/driver -am` (or run testing/multipart-bench/run.sh)");
        }
        try {
            String classpath = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (classpath.isEmpty()) {
                throw new IllegalStateException("classpath file " + file + " is empty");
            }
            return classpath;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
