import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Turns a JFR recording into collapsed stacks (flamegraph.pl / speedscope / Firefox Profiler
 * "collapsed" input); {@code TopFrames.java} then summarises it.
 *
 * <p>Usage: {@code java testing/profiling/JfrCollapse.java REC.jfr OUT.collapsed [--threads REGEX] [--native]}
 *
 * <p>Reads {@code jdk.ExecutionSample} (threads running Java code) and, with {@code --native}, also
 * {@code jdk.NativeMethodSample} (threads inside a native call, e.g. a blocking socket write) with
 * {@link RecordingFile}, so it needs only the JDK. Frames are named as {@code jfr print} names them
 * ({@code pkg.Class.method(SimpleParamType, ...)}), so files written by the earlier Python tool compare.
 *
 * <p>Errors: a missing or unreadable recording, an unwritable output, a bad regex or option prints one
 * line to stderr and exits with status 1 (2 for usage errors).
 */
public final class JfrCollapse {
    private static final int BAD_INPUT = 1;
    private static final int USAGE_ERROR = 2;
    private static final String USAGE =
            "usage: java testing/profiling/JfrCollapse.java REC.jfr OUT.collapsed [--threads REGEX] [--native]";
    /** The depth `jfr print --stack-depth 256` showed the Python tool; JFR records 64 unless told otherwise. */
    private static final int MAX_DEPTH = 256;

    private JfrCollapse() {
    }

    public static void main(String[] args) {
        try {
            Options options = Options.parse(args);
            Map<String, Long> stacks = collapse(options);
            long total = write(stacks, options.dest());
            System.out.println(total + " samples -> " + options.dest()
                    + "; summary: java testing/profiling/TopFrames.java " + options.dest());
        } catch (Failure f) {
            System.err.println("JfrCollapse: " + f.getMessage());
            if (f.status == USAGE_ERROR) {
                System.err.println(USAGE);
            }
            System.exit(f.status);
        }
    }

    /**
     * Counts each distinct stack (root first, frames joined by ';'). Samples are counted in time order,
     * as {@code jfr print} lists them, so stacks with equal counts come out in the order first sampled
     * and the file matches what the Python tool wrote from {@code jfr print}.
     */
    static Map<String, Long> collapse(Options options) throws Failure {
        List<Sample> samples = new ArrayList<>();
        try (RecordingFile file = new RecordingFile(options.recording())) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!options.events().contains(event.getEventType().getName())) {
                    continue;
                }
                RecordedStackTrace trace = event.getStackTrace();
                if (trace == null) {
                    continue;
                }
                if (options.threads() != null
                        && !options.threads().matcher(threadName(event.getThread("sampledThread"))).find()) {
                    continue;
                }
                String key = stackKey(trace);
                if (!key.isEmpty()) {
                    samples.add(new Sample(event.getEndTime(), key));
                }
            }
        } catch (NoSuchFileException | FileNotFoundException e) {
            throw new Failure(BAD_INPUT, options.recording() + ": no such file");
        } catch (IOException e) {
            throw new Failure(BAD_INPUT, options.recording() + ": not a readable JFR recording: " + e.getMessage());
        }
        samples.sort(Comparator.comparing(Sample::time)); // stable: same-time samples keep file order
        Map<String, Long> stacks = new LinkedHashMap<>();
        for (Sample sample : samples) {
            stacks.merge(sample.stack(), 1L, Long::sum);
        }
        return stacks;
    }

    private record Sample(Instant time, String stack) {
    }

    private static String stackKey(RecordedStackTrace trace) {
        List<String> leafFirst = new ArrayList<>();
        for (RecordedFrame frame : trace.getFrames()) {
            if (leafFirst.size() == MAX_DEPTH) {
                break;
            }
            // hidden frames (lambda and method-handle glue, e.g. Foo$$Lambda$12+0x...) change name on
            // every run, so jfr print leaves them out and so do we: stacks then compare across runs
            if (frame.isJavaFrame() && !frame.getMethod().isHidden()) {
                // ';' separates frames in the format, so it must not appear inside one
                leafFirst.add(formatMethod(frame.getMethod()).replace(';', ':'));
            }
        }
        Collections.reverse(leafFirst); // collapsed stacks start at the root
        return String.join(";", leafFirst);
    }

    /** The thread as {@code jfr print} shows it, which is what {@code --threads} has always matched. */
    static String threadName(RecordedThread thread) {
        if (thread == null) {
            return "N/A";
        }
        if (thread.getJavaThreadId() > 0) {
            return "\"" + thread.getJavaName() + "\" (javaThreadId = " + thread.getJavaThreadId() + ")";
        }
        return "\"" + thread.getOSName() + "\" (osThreadId = " + thread.getOSThreadId() + ")";
    }

    /** {@code pkg.Class.method(int, String[])}: simple parameter type names, as {@code jfr print} writes them. */
    static String formatMethod(RecordedMethod method) {
        StringJoiner params = new StringJoiner(", ");
        String descriptor = method.getDescriptor().replace('/', '.');
        for (String type : parameterTypes(descriptor.substring(1, descriptor.lastIndexOf(')')))) {
            params.add(type.substring(type.lastIndexOf('.') + 1));
        }
        return method.getType().getName() + "." + method.getName() + "(" + params + ")";
    }

    private static List<String> parameterTypes(String descriptor) {
        List<String> types = new ArrayList<>();
        for (int i = 0; i < descriptor.length(); i++) {
            StringBuilder brackets = new StringBuilder();
            while (descriptor.charAt(i) == '[') {
                brackets.append("[]");
                i++;
            }
            char c = descriptor.charAt(i);
            String type = switch (c) {
                case 'L' -> {
                    int end = descriptor.indexOf(';', i);
                    String name = descriptor.substring(i + 1, end);
                    i = end;
                    yield name;
                }
                case 'I' -> "int";
                case 'J' -> "long";
                case 'Z' -> "boolean";
                case 'D' -> "double";
                case 'F' -> "float";
                case 'S' -> "short";
                case 'C' -> "char";
                case 'B' -> "byte";
                default -> "<unknown-descriptor-type>";
            };
            types.add(type + brackets);
        }
        return types;
    }

    /** Writes the stacks most frequent first (ties in first-seen order) and returns the sample count. */
    static long write(Map<String, Long> stacks, Path dest) throws Failure {
        List<Map.Entry<String, Long>> entries = new ArrayList<>(stacks.entrySet());
        entries.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
        long total = 0;
        try (Writer out = Files.newBufferedWriter(dest, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, Long> e : entries) {
                out.write(e.getKey() + " " + e.getValue() + "\n");
                total += e.getValue();
            }
        } catch (IOException e) {
            throw new Failure(BAD_INPUT, dest + ": cannot write: " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
        return total;
    }

    record Options(Path recording, Path dest, Pattern threads, Set<String> events) {
        static Options parse(String[] args) throws Failure {
            if (args.length < 2) {
                throw new Failure(USAGE_ERROR, "needs REC.jfr and OUT.collapsed");
            }
            Pattern threads = null;
            boolean nativeSamples = false;
            for (int i = 2; i < args.length; i++) {
                switch (args[i]) {
                    case "--native" -> nativeSamples = true;
                    case "--threads" -> {
                        if (++i >= args.length) {
                            throw new Failure(USAGE_ERROR, "--threads needs a REGEX");
                        }
                        try {
                            threads = Pattern.compile(args[i]);
                        } catch (PatternSyntaxException e) {
                            throw new Failure(USAGE_ERROR, "--threads: bad regex: " + e.getDescription() + " in " + args[i]);
                        }
                    }
                    default -> throw new Failure(USAGE_ERROR, "unknown option " + args[i]);
                }
            }
            Set<String> events = nativeSamples
                    ? Set.of("jdk.ExecutionSample", "jdk.NativeMethodSample")
                    : Set.of("jdk.ExecutionSample");
            return new Options(Path.of(args[0]), Path.of(args[1]), threads, events);
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
