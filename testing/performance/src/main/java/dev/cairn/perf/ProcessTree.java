package dev.cairn.perf;

import dev.cairn.bench.multipart.ProcCounters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a process and all its descendants from {@code /proc}: a JVM server is one process, nginx a
 * master and its workers, and each is measured as the sum over its tree. A process that ends
 * between listing and reading simply drops out of the sum.
 */
final class ProcessTree {
    private static final Path PROC = Path.of("/proc");

    private ProcessTree() {
    }

    /** {@code root} and every live descendant, found through the parent pids in {@code /proc/PID/stat}. */
    static List<Long> members(long root) {
        Map<Long, List<Long>> children = new HashMap<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC, p -> p.getFileName().toString().chars().allMatch(Character::isDigit))) {
            for (Path dir : dirs) {
                String stat = read(dir.resolve("stat"));
                if (stat != null) {
                    long pid = Long.parseLong(dir.getFileName().toString());
                    children.computeIfAbsent(ProcCounters.statField(stat, 4), k -> new ArrayList<>()).add(pid);
                }
            }
        } catch (IOException e) {
            return List.of(root);
        }
        List<Long> out = new ArrayList<>();
        Deque<Long> queue = new ArrayDeque<>(List.of(root));
        while (!queue.isEmpty()) {
            long pid = queue.poll();
            out.add(pid);
            queue.addAll(children.getOrDefault(pid, List.of()));
        }
        return out;
    }

    /** utime + stime of the processes, in clock ticks. */
    static long cpuTicks(List<Long> pids) {
        long sum = 0;
        for (long pid : pids) {
            String stat = read(PROC.resolve(Long.toString(pid)).resolve("stat"));
            if (stat != null) {
                sum += ProcCounters.cpuTicks(stat);
            }
        }
        return sum;
    }

    /** The sum of a {@code /proc/PID/status} field in kB ({@code VmRSS}, {@code VmHWM}). */
    static long statusKiB(List<Long> pids, String field) {
        long sum = 0;
        for (long pid : pids) {
            String status = read(PROC.resolve(Long.toString(pid)).resolve("status"));
            if (status != null) {
                sum += statusValue(status, field);
            }
        }
        return sum;
    }

    static long statusValue(String status, String field) {
        for (String line : status.split("\n")) {
            if (line.startsWith(field + ":")) {
                String value = line.substring(field.length() + 1).trim();
                int space = value.indexOf(' ');
                return Long.parseLong(space < 0 ? value : value.substring(0, space));
            }
        }
        return 0;
    }

    /**
     * Resets each process's peak RSS ({@code VmHWM}) to its current RSS: {@code echo 5 > /proc/PID/clear_refs}.
     *
     * @return false if any reset was refused (no permission, an old kernel), in which case the
     *     peak covers the process's whole life
     */
    static boolean resetPeak(List<Long> pids) {
        boolean all = true;
        for (long pid : pids) {
            try {
                Files.writeString(PROC.resolve(Long.toString(pid)).resolve("clear_refs"), "5", StandardCharsets.US_ASCII);
            } catch (IOException | SecurityException e) {
                all = false;
            }
        }
        return all;
    }

    /** This JVM's children that ended and were waited for: their CPU in clock ticks. */
    static long reapedChildrenTicks() {
        String stat = read(PROC.resolve("self").resolve("stat"));
        if (stat == null) {
            throw new IllegalStateException("cannot read /proc/self/stat");
        }
        return ProcCounters.reapedChildrenCpuTicks(stat);
    }

    static double seconds(long ticks) {
        return (double) ticks / ProcCounters.TICKS_PER_SECOND;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return null; // the process ended
        }
    }
}
