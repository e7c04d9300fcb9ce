package dev.cairn.perf;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.bench.multipart.MachineInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * The machine-readable summary of one rig invocation: the machine, the options, every target's
 * configuration, every run with its simulation result embedded, the soak's repair record, and
 * the Cairn-to-peer ratios. {@code docs/performance.md} documents the format.
 */
final class Summary {
    static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ObjectNode root = JsonNodeFactory.instance.objectNode();
    private final ArrayNode runs;
    private final ArrayNode notes;
    private final ArrayNode failures;

    Summary(RigOptions options, Instant started) {
        root.put("format", FORMAT);
        root.put("startedAt", started.toString());
        ObjectNode machine = root.putObject("machine");
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("cpuModel", MachineInfo.cpuModel());
        machine.put("memTotal", MachineInfo.memTotal());
        machine.put("kernel", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("loadAverageBefore", MachineInfo.loadAverage());
        root.set("options", options(options));
        root.putObject("targets");
        runs = root.putArray("runs");
        root.putArray("soak");
        notes = root.putArray("notes");
        failures = root.putArray("failures");
    }

    private static ObjectNode options(RigOptions o) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        o.targets().forEach(t -> n.withArray("targets").add(t.id()));
        o.mixes().forEach(m -> n.withArray("mixes").add(m.id()));
        o.apis().forEach(a -> n.withArray("apis").add(a.id()));
        n.putObject("load").put("mode", o.load().mode()).put("value", o.load().value());
        n.put("durationSeconds", o.durationSeconds()).put("warmupSeconds", o.warmupSeconds()).put("rounds", o.rounds());
        ObjectNode cairn = n.putObject("cairnOptions");
        o.cairnSettings().forEach(cairn::put);
        o.cairnJvm().forEach(w -> n.withArray("cairnJvm").add(w));
        o.gatlingJvm().forEach(w -> n.withArray("gatlingJvm").add(w));
        n.putObject("seed").put("hot64KiB", o.hot()[0]).put("hot1MiB", o.hot()[1]).put("hot4MiB", o.hot()[2]).put("cold64KiB", o.cold());
        if (o.reference().isPresent()) {
            n.put("reference", o.reference().get().id());
        } else {
            n.putNull("reference");
        }
        n.put("soakDamagePercent", o.soakDamage());
        return n;
    }

    /** Records how a target was started. */
    void target(Target target, String software, Map<String, String> settings) {
        ObjectNode t = ((ObjectNode) root.get("targets")).putObject(target.name());
        t.put("kind", target.kind().id()).put("software", software).put("endpoint", target.endpoint().toString());
        ObjectNode s = t.putObject("settings");
        settings.forEach(s::put);
    }

    void run(RunRecord run) {
        runs.add(run.toJson());
    }

    void soak(ObjectNode record) {
        ((ArrayNode) root.get("soak")).add(record);
    }

    void note(String text) {
        notes.add(text);
    }

    void failure(String text) {
        failures.add(text);
    }

    boolean failed() {
        return !failures.isEmpty();
    }

    ObjectNode root() {
        return root;
    }

    /** Adds the end time, the load average after, and the ratios computed from the runs. */
    ObjectNode finish(Instant finished) {
        root.put("finishedAt", finished.toString());
        ((ObjectNode) root.get("machine")).put("loadAverageAfter", MachineInfo.loadAverage());
        root.set("ratios", new Ratios(runs).cairnToPeers());
        return root;
    }

    /** @throws UncheckedIOException if the file cannot be written */
    Path write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            JSON.writeValue(file.toFile(), root);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the summary " + file, e);
        }
    }
}
