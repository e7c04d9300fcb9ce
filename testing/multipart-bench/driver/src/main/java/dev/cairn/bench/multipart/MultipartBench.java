package dev.cairn.bench.multipart;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The issue 4 benchmark: a multipart upload (default 1 GiB in 16 MiB parts) against Cairn and
 * S3Proxy 2.6.0, each started as its own JVM on a fresh directory for every round, variants
 * alternating within each repetition so that drift in the machine's load hits all of them alike.
 * Run it with {@code testing/multipart-bench/run.sh}; {@code --help} lists the options.
 */
public final class MultipartBench {
    private final BenchOptions options;
    private final PrintStream log;

    MultipartBench(BenchOptions options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    /**
     * Runs the benchmark and prints Markdown tables on standard output, progress on standard error.
     *
     * @param args the options of {@code --help}
     * @throws IllegalArgumentException for a bad option
     * @throws IllegalStateException if a server does not start or a round fails
     * @throws IOException if the work directory or the CSV file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (List.of(args).contains("--help")) {
            System.out.print(BenchOptions.USAGE);
            return;
        }
        BenchOptions options = BenchOptions.parse(args);
        Files.createDirectories(options.workDir());
        String before = MachineInfo.describe(options.workDir());
        List<RoundResult> results = new MultipartBench(options, System.err).run();
        System.out.println("## Multipart benchmark: " + Report.bytes(options.size()) + " in "
                + Report.bytes(options.partSize()) + " parts, " + options.repetitions() + " repetitions\n");
        System.out.println(before.strip().replace("\n", "  \n"));
        System.out.println("Load average after: " + MachineInfo.loadAverage() + "  ");
        System.out.println("Server JVM options: " + options.jvmOptions() + "; warm-up parts: " + options.warmupParts()
                + "; page cache dropped between phases: " + options.dropCaches());
        System.out.println(Report.markdown(results, options.size()));
        if (options.csv() != null) {
            Files.writeString(options.csv(), Report.csv(results), StandardCharsets.UTF_8);
        }
    }

    /**
     * Runs every repetition of every variant.
     *
     * @throws IllegalStateException if a server does not start, or a round fails or reads back
     *     wrong bytes; the message names the variant and carries the end of the server's log
     */
    List<RoundResult> run() {
        List<Variant> variants = options.variants().stream().map(name -> Variant.named(name, options)).toList();
        Payload payload = new Payload(options.size(), options.partSize(), 4L);
        List<RoundResult> results = new ArrayList<>();
        for (int rep = 1; rep <= options.repetitions(); rep++) {
            for (Variant variant : variants) {
                RoundResult result = round(variant, rep, payload);
                log.printf(Locale.ROOT, "%s #%d: parts %.2f s (server CPU %.2f s, wrote %s), Complete %.3f s (CPU %.2f s, wrote %s), GET %.2f s%n",
                        variant.name(), rep, result.parts().seconds(), result.parts().server().cpuSeconds(),
                        Report.bytes(result.parts().server().writeBytes()), result.complete().seconds(),
                        result.complete().server().cpuSeconds(), Report.bytes(result.complete().server().writeBytes()),
                        result.get().seconds());
                results.add(result);
            }
        }
        return results;
    }

    private RoundResult round(Variant variant, int rep, Payload payload) {
        Path runDir = options.workDir().resolve(variant.name() + "-" + rep);
        deleteTree(runDir);
        try {
            Files.createDirectories(runDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PayloadModeRecorder recorder = new PayloadModeRecorder();
        try (ServerProcess server = variant.launcher().start(runDir, freePort());
                S3Client s3 = client(server, variant, recorder)) {
            try {
                return new MultipartRound(s3, payload, new Probe(server.pid(), options.dropCaches()), options.warmupParts())
                        .run(variant.name(), rep, recorder);
            } catch (RuntimeException e) {
                throw new IllegalStateException(variant.name() + " round " + rep + " failed: " + e
                        + "\nend of the server's log:\n" + server.tail(), e);
            }
        } finally {
            if (!options.keep()) {
                deleteTree(runDir);
            }
        }
    }

    private static S3Client client(ServerProcess server, Variant variant, PayloadModeRecorder recorder) {
        return S3Client.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(ServerLauncher.ACCESS_KEY, ServerLauncher.SECRET_KEY)))
                .requestChecksumCalculation(variant.checksums())
                // S3Proxy's Complete of a large object copies every part: give it time
                .httpClientBuilder(Apache5HttpClient.builder().socketTimeout(Duration.ofMinutes(10)))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()).addExecutionInterceptor(recorder))
                .build();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    /**
     * Deletes a directory and everything under it; nothing when it does not exist. Public for the
     * performance rig, which cleans its work directory the same way.
     *
     * @throws UncheckedIOException if something cannot be deleted
     */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
