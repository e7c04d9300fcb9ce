package dev.cairn.bench.multipart;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's parameters. Every option has a default that gives the issue 4 benchmark
 * (1 GiB in 16 MiB parts, five alternating repetitions).
 *
 * @param csv where to write one line per round, or {@code null}
 */
record BenchOptions(long size, int partSize, int repetitions, List<String> variants, Path workDir,
        Path cairnClasspath, Path s3proxyClasspath, List<String> jvmOptions, int warmupParts,
        boolean dropCaches, boolean keep, Path csv) {

    static final String USAGE = """
            usage: MultipartBench [options]
              --size SIZE              object size (default 1GiB; e.g. 48MiB)
              --part-size SIZE         part size (default 16MiB)
              --reps N                 repetitions of every variant, alternating (default 5)
              --variants A,B,...       default cairn,s3proxy,cairn-sdk-defaults; known: %s
              --work-dir DIR           servers' data directories, one per round, deleted after it
              --cairn-classpath FILE   from testing/multipart-bench/cairn-runtime/target/server.classpath
              --s3proxy-classpath FILE from testing/multipart-bench/s3proxy-runtime/target/server.classpath
              --jvm-opts "OPTS"        JVM options of both servers (default "-Xmx1g")
              --warmup-parts N         parts of the warm-up upload before the measured one (default 2; 0 = none)
              --drop-caches            drop the page cache after each sync (root only)
              --keep                   keep the data directories
              --csv FILE               also write every round as CSV
            """.formatted(Variant.NAMES);

    /** @throws IllegalArgumentException naming the bad option */
    static BenchOptions parse(String... args) {
        long size = 1L << 30;
        int partSize = 16 << 20;
        int reps = 5;
        List<String> variants = List.of("cairn", "s3proxy", "cairn-sdk-defaults");
        Path workDir = Path.of("target", "bench-work");
        Path cairn = Path.of("testing/multipart-bench/cairn-runtime/target/server.classpath");
        Path s3proxy = Path.of("testing/multipart-bench/s3proxy-runtime/target/server.classpath");
        List<String> jvm = List.of("-Xmx1g");
        int warmup = 2;
        boolean drop = false;
        boolean keep = false;
        Path csv = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--drop-caches" -> drop = true;
                case "--keep" -> keep = true;
                case "--size" -> size = parseSize(value(args, ++i, arg));
                case "--part-size" -> partSize = Math.toIntExact(parseSize(value(args, ++i, arg)));
                case "--reps" -> reps = Integer.parseInt(value(args, ++i, arg));
                case "--variants" -> variants = List.of(value(args, ++i, arg).split(","));
                case "--work-dir" -> workDir = Path.of(value(args, ++i, arg));
                case "--cairn-classpath" -> cairn = Path.of(value(args, ++i, arg));
                case "--s3proxy-classpath" -> s3proxy = Path.of(value(args, ++i, arg));
                case "--jvm-opts" -> jvm = Arrays.stream(value(args, ++i, arg).trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
                case "--warmup-parts" -> warmup = Integer.parseInt(value(args, ++i, arg));
                case "--csv" -> csv = Path.of(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            }
        }
        if (reps < 1 || warmup < 0) {
            throw new IllegalArgumentException("--reps must be at least 1 and --warmup-parts at least 0");
        }
        return new BenchOptions(size, partSize, reps, variants, workDir, cairn, s3proxy, jvm, warmup, drop, keep, csv);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args[i];
    }

    /** {@code 1048576}, {@code 64KiB}, {@code 16MiB}, {@code 1GiB}. */
    static long parseSize(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        for (String[] suffix : new String[][] {{"kib", "10"}, {"mib", "20"}, {"gib", "30"}}) {
            if (t.endsWith(suffix[0])) {
                unit = 1L << Integer.parseInt(suffix[1]);
                t = t.substring(0, t.length() - 3);
                break;
            }
        }
        try {
            return Math.multiplyExact(Long.parseLong(t.trim()), unit);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a size (e.g. 1GiB, 16MiB, 4096)", e);
        }
    }
}
