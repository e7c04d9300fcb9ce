package dev.cairn.gateway.s3;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.cairn.gateway.s3.route.S3Operation;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/s3-compatibility.md true: every operation the router knows has a row in the
 * operations table, marked "supported" exactly when a handler serves it and "501" otherwise.
 */
class CompatibilityDocTest {

    private static Path doc() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("docs/s3-compatibility.md"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("docs/s3-compatibility.md not found above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("docs/s3-compatibility.md");
    }

    /** LIST_OBJECTS_V2 → ListObjectsV2, the name the AWS API reference uses. */
    static String awsName(S3Operation op) {
        StringBuilder sb = new StringBuilder();
        for (String part : op.name().split("_")) {
            sb.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
        }
        return sb.toString();
    }

    @Test
    void everyRoutedOperationHasATruthfulRow() throws IOException {
        List<String> rows = new ArrayList<>();
        for (String line : Files.readAllLines(doc(), StandardCharsets.UTF_8)) {
            if (line.startsWith("| ")) {
                rows.add(line);
            }
        }
        S3Settings settings = new S3Settings("us-east-1", false, null, "AK", "SK", 1, Duration.ofMinutes(15));
        Map<S3Operation, S3Handler> served = S3Api.standardHandlers(new S3TestClient().store(), settings, new SimpleMeterRegistry());
        List<String> problems = new ArrayList<>();
        for (S3Operation op : S3Operation.values()) {
            if (op.isError()) {
                continue;
            }
            String name = awsName(op);
            String row = rows.stream()
                    .filter(r -> r.substring(2, r.indexOf('|', 2)).matches("(?s).*\\b" + name + "\\b.*"))
                    .findFirst().orElse(null);
            if (row == null) {
                problems.add(name + " has no row");
                continue;
            }
            String status = row.split("\\|")[3].trim();
            String expected = served.containsKey(op) ? "supported" : "501";
            if (!status.equals(expected)) {
                problems.add(name + " is documented as '" + status + "' but is " + expected);
            }
        }
        if (!problems.isEmpty()) {
            fail("docs/s3-compatibility.md is out of date:\n  " + String.join("\n  ", problems));
        }
        assertTrue(rows.size() > 10);
    }
}
