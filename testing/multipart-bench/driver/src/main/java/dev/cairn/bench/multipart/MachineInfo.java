package dev.cairn.bench.multipart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The facts a reader needs to judge the numbers: CPU, memory, kernel, JDK, the data filesystem and
 * load. Public for the performance rig, which records the same facts in its summary. Nothing here
 * throws: an unreadable fact is reported as {@code unknown}.
 */
public final class MachineInfo {
    private MachineInfo() {
    }

    public static String describe(Path workDir) {
        StringBuilder out = new StringBuilder();
        out.append("CPU: ").append(cpuModel())
                .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores; memory ")
                .append(memTotal()).append('\n');
        out.append("Kernel: ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append("; JDK ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append('\n');
        try {
            FileStore store = Files.getFileStore(workDir);
            out.append(String.format(Locale.ROOT, "Data filesystem: %s (%s) at %s, %.1f GiB free of %.1f GiB%n",
                    store.type(), store.name(), workDir.toAbsolutePath().normalize(),
                    store.getUsableSpace() / (double) (1L << 30), store.getTotalSpace() / (double) (1L << 30)));
        } catch (IOException e) {
            out.append("Data filesystem: unknown (").append(e).append(")\n");
        }
        out.append("Load average: ").append(loadAverage()).append('\n');
        return out.toString();
    }

    /** The first {@code model name} of {@code /proc/cpuinfo}. */
    public static String cpuModel() {
        return firstValue(Path.of("/proc/cpuinfo"), "model name");
    }

    /** {@code MemTotal} of {@code /proc/meminfo}, as written there (e.g. {@code 24684000 kB}). */
    public static String memTotal() {
        return firstValue(Path.of("/proc/meminfo"), "MemTotal");
    }

    /** {@code /proc/loadavg} as one line: the 1, 5 and 15 minute averages, runnable/total tasks, last pid. */
    public static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String firstValue(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.startsWith(key)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            return "unknown";
        }
        return "unknown";
    }
}
