package dev.cairn.bench;

import dev.cairn.gateway.s3.route.ParsedRequest;
import dev.cairn.gateway.s3.route.S3Operation;
import dev.cairn.gateway.s3.route.S3RequestParser;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The S3 routing table ({@link S3RequestParser}), in ns per parse: {@code mix} cycles through
 * request lines of every common shape (path- and virtual-host style, percent-encoded keys, list
 * queries, multipart, copy, batch delete, bucket operations, an unsupported sub-resource), so
 * the branch predictor cannot learn one answer; {@code getObject} is the single most common
 * shape alone. Every line is checked at setup to route to the operation S3 would.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RoutingBenchmark {
    private static final Set<String> NO_HEADERS = Set.of();
    private static final Set<String> COPY = Set.of("x-amz-copy-source");

    /** One request line as the server adapter hands it to the parser. */
    private record Line(String method, String host, String path, String query, Predicate<String> hasHeader, S3Operation expected) {
    }

    private static final List<Line> MIX = List.of(
            line("GET", "/photos/2026/11/cat%20picture.jpg", null, S3Operation.GET_OBJECT),
            line("HEAD", "/photos/2026/11/cat%20picture.jpg", null, S3Operation.HEAD_OBJECT),
            line("PUT", "/photos/2026/11/upload-0001.bin", null, S3Operation.PUT_OBJECT),
            line("GET", "/photos", "list-type=2&prefix=2026%2F11%2F&delimiter=%2F&max-keys=1000", S3Operation.LIST_OBJECTS_V2),
            line("PUT", "/photos/big/video.mp4", "partNumber=7&uploadId=2~aGVsbG8td29ybGQtdXBsb2Fk", S3Operation.UPLOAD_PART),
            line("POST", "/photos/big/video.mp4", "uploads", S3Operation.CREATE_MULTIPART_UPLOAD),
            line("POST", "/photos/big/video.mp4", "uploadId=2~aGVsbG8td29ybGQtdXBsb2Fk", S3Operation.COMPLETE_MULTIPART_UPLOAD),
            line("POST", "/photos", "delete", S3Operation.DELETE_OBJECTS),
            line("DELETE", "/photos/2026/11/old.jpg", null, S3Operation.DELETE_OBJECT),
            new Line("PUT", "127.0.0.1:9000", "/photos/copy.jpg", null, COPY::contains, S3Operation.COPY_OBJECT),
            line("GET", "/", null, S3Operation.LIST_BUCKETS),
            line("HEAD", "/photos", null, S3Operation.HEAD_BUCKET),
            line("PUT", "/new-bucket", null, S3Operation.CREATE_BUCKET),
            line("GET", "/photos", "location", S3Operation.GET_BUCKET_LOCATION),
            line("GET", "/photos", "versioning", S3Operation.UNSUPPORTED),
            new Line("GET", "photos.s3.example.com:9000", "/2026/11/cat.jpg", null, NO_HEADERS::contains, S3Operation.GET_OBJECT),
            new Line("GET", "photos.s3.example.com", "/", "list-type=2&prefix=a", NO_HEADERS::contains, S3Operation.LIST_OBJECTS_V2));

    private final S3RequestParser parser = new S3RequestParser("s3.example.com");
    private int next;

    private static Line line(String method, String path, String query, S3Operation expected) {
        return new Line(method, "127.0.0.1:9000", path, query, NO_HEADERS::contains, expected);
    }

    @Setup(Level.Trial)
    public void check() {
        for (Line l : MIX) {
            S3Operation op = parse(l).operation();
            if (op != l.expected()) {
                throw new IllegalStateException(l.method() + " " + l.path() + "?" + l.query() + " routed to " + op);
            }
        }
    }

    private ParsedRequest parse(Line l) {
        return parser.parse(l.method(), l.host(), l.path(), l.query(), l.hasHeader());
    }

    @Benchmark
    public ParsedRequest mix() {
        Line l = MIX.get(next);
        next = next + 1 == MIX.size() ? 0 : next + 1;
        return parse(l);
    }

    @Benchmark
    public ParsedRequest getObject() {
        return parse(MIX.get(0));
    }
}
