package dev.cairn.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert rules through Prometheus' own tools: {@code promtool check rules} parses every
 * expression as Prometheus will, and {@code promtool test rules} runs
 * {@code cairn-alerts.test.yaml}, whose synthetic series show each alert firing when it should
 * and staying quiet when it should not. {@code deploy/prometheus/ensure-promtool.sh} provides
 * promtool (Debian's package, unpacked into {@code .build/promtool}); without it this test fails
 * with the script's message.
 */
class AlertRulesPromtoolTest {
    private static Path promtool;
    private static Path rulesDir;

    @TempDir
    Path temp;

    @BeforeAll
    static void findPromtool() throws Exception {
        Path repo = DockerfileTest.repo();
        rulesDir = repo.resolve("deploy/prometheus");
        Result r = run(repo, List.of("bash", rulesDir.resolve("ensure-promtool.sh").toString()));
        assertEquals(0, r.exit, "deploy/prometheus/ensure-promtool.sh could not provide promtool:\n" + r.output);
        List<String> lines = r.output.lines().toList();
        promtool = Path.of(lines.get(lines.size() - 1).strip());
    }

    @Test
    void prometheusParsesEveryRule() throws Exception {
        Result r = run(rulesDir, List.of(promtool.toString(), "check", "rules", "cairn-alerts.yaml"));
        assertEquals(0, r.exit, r.output);
        assertTrue(r.output.contains("SUCCESS: 15 rules found"), r.output);
    }

    @Test
    void eachAlertFiresOnItsScenarioAndStaysQuietOnTheOthers() throws Exception {
        Result r = run(rulesDir, List.of(promtool.toString(), "test", "rules", "cairn-alerts.test.yaml"));
        assertEquals(0, r.exit, r.output);
        assertTrue(r.output.contains("SUCCESS"), r.output);
    }

    /** The unit tests can fail: the same scenarios against a flapping threshold of 6 changes. */
    @Test
    void aLooserThresholdFailsTheScenarios() throws Exception {
        String rules = Files.readString(rulesDir.resolve("cairn-alerts.yaml"), StandardCharsets.UTF_8);
        assertTrue(rules.contains("[30m]) >= 4"));
        Files.writeString(temp.resolve("cairn-alerts.yaml"), rules.replace("[30m]) >= 4", "[30m]) >= 6"), StandardCharsets.UTF_8);
        Files.copy(rulesDir.resolve("cairn-alerts.test.yaml"), temp.resolve("cairn-alerts.test.yaml"));
        Result r = run(temp, List.of(promtool.toString(), "test", "rules", "cairn-alerts.test.yaml"));
        assertNotEquals(0, r.exit, r.output);
        assertTrue(r.output.contains("alertname: CairnReadinessFlapping"), r.output);
    }

    private record Result(int exit, String output) {
    }

    private static Result run(Path dir, List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not finish:\n" + out);
        }
        return new Result(p.exitValue(), out);
    }
}
