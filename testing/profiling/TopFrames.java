import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Summarises a collapsed-stack file (one {@code root;...;leaf COUNT} line per stack, as written by
 * async-profiler's {@code collapsed} output or by {@code JfrCollapse.java}).
 *
 * <p>Usage: {@code java testing/profiling/TopFrames.java FILE.collapsed [--top N] [--max-total PCT]}
 *
 * <p>Prints self time grouped by the leaf frame's component (JDK I/O, Jetty, Jersey/HK2, BLAKE3, ...),
 * the top-N leaf frames, and the top-N frames by total (inclusive) share among Cairn, Jersey, Jetty,
 * BouncyCastle and NIO frames, leaving out the frames above {@code --max-total} (default 60%) that
 * every request passes through (the thread pool, Jetty's handler chain).
 *
 * <p>Errors: a missing or unreadable file, a line without a numeric count, or a bad option prints one
 * line to stderr and exits with status 1 (2 for usage errors).
 */
public final class TopFrames {
    private static final int BAD_INPUT = 1;
    private static final int USAGE_ERROR = 2;
    private static final String USAGE = "usage: java testing/profiling/TopFrames.java FILE.collapsed [--top N] [--max-total PCT]";

    /** First match on the leaf frame wins, so the specific groups come before the catch-alls. */
    private static final String[][] GROUPS = {
        {"BLAKE3 (BouncyCastle)", "org[./]bouncycastle"},
        {"MD5/SHA/CRC (JDK, intrinsics)", "sun[./]security[./]provider|java[./]util[./]zip[./]CRC|Crc64|CrcCombine|Checksum|^md5_impl|^sha\\d*_impl|^updateBytesCRC|^crc32"},
        {"array copies (JVM stubs)", "arraycopy"},
        {"kernel / syscalls", "_\\[k\\]|^(__|do_|sys_|entry_SYSCALL|tcp_|ip_|sock_|copy_user|copyin|copyout|memcpy|epoll|futex|write|read|pread|writev|send)"},
        {"JVM (GC, JIT, runtime)", "::|^(G1|Parallel|JVM_|Compile|C2|C1|ZGC|Interpreter|Unsafe_|jni_|SafepointSynchronize|StubRoutines|OptoRuntime|SharedRuntime|ObjectMonitor|Monitor::|os::|pthread|__pthread|start_thread|clone|itable stub|vtable stub)"},
        {"socket/file I/O (JDK NIO)", "sun[./]nio|java[./]nio"},
        {"Jetty", "org[./]eclipse[./]jetty"},
        {"Jersey + HK2", "org[./]glassfish|org[./]jvnet|jakarta[./]ws"},
        {"Micrometer", "io[./]micrometer"},
        {"Caffeine", "com[./]github[./]benmanes"},
        {"Cairn", "dev[./]cairn"},
        {"XML", "javax[./]xml|com[./]sun[./]org[./]apache[./]x|jdk[./]internal[./]org[./]xml"},
        {"JDK other (collections, strings, regex, time)", "^(java|jdk|sun)[./]"},
    };
    private static final Pattern[] GROUP_PATTERNS = new Pattern[GROUPS.length];
    private static final Pattern INTERESTING =
            Pattern.compile("^(dev[./]cairn|org[./]glassfish|org[./]eclipse[./]jetty|org[./]bouncycastle|sun[./]nio|java[./]nio)");

    static {
        for (int i = 0; i < GROUPS.length; i++) {
            GROUP_PATTERNS[i] = Pattern.compile(GROUPS[i][1]);
        }
    }

    private TopFrames() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        try {
            Options options = Options.parse(args);
            out.print(summarise(load(options.file()), options.top(), options.maxTotal()));
            out.flush();
        } catch (Failure f) {
            System.err.println("TopFrames: " + f.getMessage());
            if (f.status == USAGE_ERROR) {
                System.err.println(USAGE);
            }
            System.exit(f.status);
        }
    }

    /** One collapsed stack: its frames root first, and how many samples had it. */
    record Stack(String[] frames, long count) {
    }

    static List<Stack> load(Path path) throws Failure {
        List<Stack> stacks = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            int lineNo = 0;
            for (String line; (line = in.readLine()) != null; ) {
                lineNo++;
                if (line.isEmpty()) {
                    continue;
                }
                int space = line.lastIndexOf(' ');
                String frames = space < 0 ? "" : line.substring(0, space);
                String count = line.substring(space + 1).strip();
                try {
                    // -1 keeps empty frame names (";;") as the format has them, like Python's split
                    stacks.add(new Stack(frames.split(";", -1), Long.parseLong(count)));
                } catch (NumberFormatException e) {
                    throw new Failure(BAD_INPUT, path + ":" + lineNo + ": expected 'frame;...;frame COUNT', the count is '" + count + "'");
                }
            }
        } catch (NoSuchFileException e) {
            throw new Failure(BAD_INPUT, path + ": no such file");
        } catch (IOException e) {
            throw new Failure(BAD_INPUT, path + ": cannot read: " + e.getMessage());
        }
        return stacks;
    }

    static String summarise(List<Stack> stacks, int top, double maxTotal) {
        long n = 0;
        for (Stack s : stacks) {
            n += s.count();
        }
        if (n == 0) {
            return "no samples\n";
        }
        // insertion-ordered so equal counts keep first-seen order, as the Python original did
        Map<String, Long> groups = new LinkedHashMap<>();
        Map<String, Long> selfs = new LinkedHashMap<>();
        Map<String, Long> totals = new LinkedHashMap<>();
        Map<String, String> groupCache = new HashMap<>();
        for (Stack s : stacks) {
            String leaf = s.frames()[s.frames().length - 1];
            groups.merge(groupCache.computeIfAbsent(leaf, TopFrames::groupOf), s.count(), Long::sum);
            selfs.merge(leaf, s.count(), Long::sum);
            // a recursive frame counts once per stack, or its total could pass 100%
            Set<String> distinct = new LinkedHashSet<>(List.of(s.frames()));
            for (String f : distinct) {
                totals.merge(f, s.count(), Long::sum);
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(n).append(" samples\n\nself time by component:\n");
        for (Map.Entry<String, Long> e : mostCommon(groups)) {
            line(sb, e, n);
        }
        sb.append("\ntop ").append(top).append(" self:\n");
        List<Map.Entry<String, Long>> topSelf = mostCommon(selfs);
        for (Map.Entry<String, Long> e : topSelf.subList(0, Math.min(top, topSelf.size()))) {
            line(sb, e, n);
        }
        sb.append("\ntop ").append(top).append(" total (Cairn, Jersey, Jetty, BouncyCastle, NIO frames under ")
                .append(fixed(maxTotal, 0)).append("%):\n");
        int shown = 0;
        for (Map.Entry<String, Long> e : mostCommon(totals)) {
            if (shown == top) {
                break;
            }
            if (INTERESTING.matcher(e.getKey()).lookingAt() && 100.0 * e.getValue() / n <= maxTotal) {
                line(sb, e, n);
                shown++;
            }
        }
        return sb.toString();
    }

    static String groupOf(String frame) {
        for (int i = 0; i < GROUPS.length; i++) {
            if (GROUP_PATTERNS[i].matcher(frame).find()) {
                return GROUPS[i][0];
            }
        }
        return "other";
    }

    /** Highest count first; a stable sort keeps ties in first-seen order. */
    private static List<Map.Entry<String, Long>> mostCommon(Map<String, Long> counts) {
        List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
        entries.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
        return entries;
    }

    private static void line(StringBuilder sb, Map.Entry<String, Long> e, long n) {
        String pct = fixed(100.0 * e.getValue() / n, 1);
        sb.append("  ").append(" ".repeat(Math.max(0, 5 - pct.length()))).append(pct).append("%  ").append(e.getKey()).append('\n');
    }

    /**
     * Rounds the exact binary value half-even, as C's printf and Python's format do; String.format
     * rounds the shortest decimal form half-up, which turns e.g. 0.25 into 0.3 instead of 0.2.
     */
    static String fixed(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        return new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }

    record Options(Path file, int top, double maxTotal) {
        static Options parse(String[] args) throws Failure {
            if (args.length < 1) {
                throw new Failure(USAGE_ERROR, "missing FILE.collapsed");
            }
            int top = 25;
            double maxTotal = 60.0;
            for (int i = 1; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new Failure(USAGE_ERROR, args[i] + " needs a value");
                }
                String value = args[i + 1];
                switch (args[i]) {
                    case "--top" -> {
                        top = parseInt(value);
                        if (top < 1) {
                            throw new Failure(USAGE_ERROR, "--top must be at least 1, got " + value);
                        }
                    }
                    case "--max-total" -> maxTotal = parseDouble(value);
                    default -> throw new Failure(USAGE_ERROR, "unknown option " + args[i]);
                }
            }
            return new Options(Path.of(args[0]), top, maxTotal);
        }

        private static int parseInt(String value) throws Failure {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new Failure(USAGE_ERROR, "--top needs a whole number, got " + value);
            }
        }

        private static double parseDouble(String value) throws Failure {
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new Failure(USAGE_ERROR, "--max-total needs a number (percent), got " + value);
            }
        }
    }

    /** Stops the run: one line on stderr, then exit {@code status} (2 also prints the usage line). */
    static final class Failure extends Exception {
        final int status;

        Failure(int status, String message) {
            super(message);
            this.status = status;
        }
    }
}
