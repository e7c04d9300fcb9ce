package dev.cairn.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Path write(String name, double cairnP95) throws Exception {
        JsonNode s = Summaries.create()
                .run("read-a", "s3", "cairn", 1, 500, Map.of("HEAD", cairnP95), 0.4, 300)
                .run("read-a", "s3", "nginx", 1, 500, Map.of("HEAD", 1.0), 0.05, 10).json();
        Path file = dir.resolve(name);
        new ObjectMapper().writeValue(file.toFile(), s);
        return file;
    }

    private int compare(String... args) {
        return Compare.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void aRegressionExitsOneUnlessNoFailAndTheTableListsEveryCheck() throws Exception {
        Path base = write("base.json", 4.0);
        Path worse = write("worse.json", 5.0);
        assertEquals(1, compare(base.toString(), worse.toString()));
        String table = out.toString(StandardCharsets.UTF_8);
        assertTrue(table.contains("| read-a | s3 | cairn | p95 HEAD | ÷ nginx | 4.00 | 5.00 | +25.0% | FAIL |"), table);
        assertTrue(table.contains("| read-a | s3 | cairn | req/s | ÷ nginx | 1.00 | 1.00 | +0.0% | pass |"), table);
        assertEquals(0, compare(base.toString(), worse.toString(), "--no-fail"));
        assertEquals(0, compare(base.toString(), write("same.json", 4.0).toString()));
    }

    @Test
    void limitsAreConfigurable() throws Exception {
        Path base = write("base.json", 4.0);
        Path worse = write("worse.json", 5.0);
        assertEquals(0, compare(base.toString(), worse.toString(), "--p95", "30"));
        assertEquals(0, compare(base.toString(), worse.toString(), "--p95", "30%"));
        assertEquals(1, compare(base.toString(), worse.toString(), "--p95", "20"));
    }

    @Test
    void badInputExitsTwoWithAMessage() throws Exception {
        assertEquals(2, compare("only-one.json"));
        assertEquals(2, compare(dir.resolve("missing.json").toString(), dir.resolve("missing2.json").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("cannot read"), err.toString(StandardCharsets.UTF_8));
        Path notSummary = Files.writeString(dir.resolve("x.json"), "{\"a\":1}");
        assertEquals(2, compare(notSummary.toString(), notSummary.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("not a rig summary"));
        assertEquals(2, compare("a", "b", "--p95", "lots"));
        assertEquals(2, compare("a", "b", "--frobnicate"));
    }
}
