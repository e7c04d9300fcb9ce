package dev.cairn.bench.multipart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One reading of a process's kernel counters: {@code /proc/PID/io} (bytes the process caused to be
 * read from or written to the storage layer, and bytes passed through read/write calls) and the
 * CPU time of {@code /proc/PID/stat} (user + system of all its threads; children are not counted,
 * and a server JVM starts none). {@code write_bytes} is charged when the process dirties page-cache
 * pages, not at writeback, so a later {@code sync} by someone else does not move it.
 */
public record ProcCounters(long readBytes, long writeBytes, long cancelledWriteBytes, long rchar, long wchar, long cpuTicks) {

    /** Clock ticks per second of {@code utime}/{@code stime}, asked once from {@code getconf CLK_TCK}. */
    public static final long TICKS_PER_SECOND = clockTicks();

    /**
     * @throws UncheckedIOException if the process is gone or its counters are unreadable (a
     *     kernel without task IO accounting has no {@code io} file)
     */
    static ProcCounters of(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid));
        try {
            Map<String, Long> io = parseIo(Files.readString(proc.resolve("io"), StandardCharsets.US_ASCII));
            long ticks = cpuTicks(Files.readString(proc.resolve("stat"), StandardCharsets.US_ASCII));
            return new ProcCounters(io.get("read_bytes"), io.get("write_bytes"), io.get("cancelled_write_bytes"),
                    io.get("rchar"), io.get("wchar"), ticks);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the counters of process " + pid, e);
        }
    }

    ProcCounters minus(ProcCounters earlier) {
        return new ProcCounters(readBytes - earlier.readBytes, writeBytes - earlier.writeBytes,
                cancelledWriteBytes - earlier.cancelledWriteBytes, rchar - earlier.rchar, wchar - earlier.wchar,
                cpuTicks - earlier.cpuTicks);
    }

    double cpuSeconds() {
        return (double) cpuTicks / TICKS_PER_SECOND;
    }

    static Map<String, Long> parseIo(String text) {
        Map<String, Long> values = new HashMap<>();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                values.put(line.substring(0, colon).trim(), Long.parseLong(line.substring(colon + 1).trim()));
            }
        }
        for (String key : new String[] {"read_bytes", "write_bytes", "cancelled_write_bytes", "rchar", "wchar"}) {
            if (!values.containsKey(key)) {
                throw new IllegalArgumentException("no " + key + " in /proc/PID/io: " + text);
            }
        }
        return values;
    }

    /**
     * utime + stime, fields 14 and 15 of {@code stat}: the CPU the process's own threads used.
     *
     * @throws RuntimeException if {@code stat} is not a {@code /proc/PID/stat} line
     */
    public static long cpuTicks(String stat) {
        return statField(stat, 14) + statField(stat, 15);
    }

    /**
     * cutime + cstime, fields 16 and 17 of {@code stat}: the CPU of the process's children that
     * ended and were waited for (a load generator run as a child process shows up here once reaped).
     *
     * @throws RuntimeException if {@code stat} is not a {@code /proc/PID/stat} line
     */
    public static long reapedChildrenCpuTicks(String stat) {
        return statField(stat, 16) + statField(stat, 17);
    }

    /** Field {@code n} (1-based, as in proc(5)); counted after the last ')' because the command name may hold spaces. */
    public static long statField(String stat, int n) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // fields[0] is field 3 (state), so field N is fields[N - 3]
        return Long.parseLong(fields[n - 3]);
    }

    private static long clockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("getconf CLK_TCK failed: " + out);
            }
            return Long.parseLong(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run getconf CLK_TCK (package libc-bin)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted asking for CLK_TCK", e);
        }
    }
}
