package dev.cairn.perf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/** One run of one mix over one API against one target in one round, as the summary records it. */
record RunRecord(int round, TargetKind target, Mix mix, Api api, Load load, int durationSeconds, int warmupSeconds,
                 GatlingRun.Outcome outcome, RunMeter.Result cost, List<String> problems) {

    long requests() {
        return outcome.simulation().map(s -> s.path("requests").asLong(0)).orElse(0L);
    }

    ObjectNode toJson() {
        ObjectNode run = JsonNodeFactory.instance.objectNode();
        run.put("round", round).put("target", target.id()).put("mix", mix.id()).put("api", api.id());
        run.putObject("load").put("mode", load.mode()).put("value", load.value())
                .put("durationSeconds", durationSeconds).put("warmupSeconds", warmupSeconds);
        Optional<JsonNode> sim = outcome.simulation();
        if (sim.isPresent()) {
            run.set("simulation", sim.get());
        } else {
            run.putNull("simulation");
        }
        run.put("gatlingExitCode", outcome.exitCode());
        run.put("wallSeconds", round3(outcome.wallSeconds()));
        run.put("serverCpuSeconds", round3(cost.serverCpuSeconds()));
        run.put("serverCpuSecondsWholeRun", round3(cost.serverCpuSecondsWholeRun()));
        run.put("cpuWindow", cost.windowFound() ? "measured phase" : "whole run (end of the measured phase not seen)");
        long requests = requests();
        if (requests > 0) {
            run.put("cpuMsPerRequest", round3(cost.serverCpuSeconds() * 1000 / requests));
        } else {
            run.putNull("cpuMsPerRequest");
        }
        run.put("peakRssMiB", round3(cost.peakRssKiB() / 1024.0));
        run.put("peakRssReset", cost.peakReset());
        run.put("sampledPeakRssMiB", round3(cost.sampledPeakRssKiB() / 1024.0));
        run.put("loadGeneratorCpuSeconds", round3(cost.loadGeneratorCpuSeconds()));
        run.put("loadGeneratorCpuSecondsWholeRun", round3(outcome.cpuSecondsWholeRun()));
        problems.forEach(run.putArray("problems")::add);
        return run;
    }

    static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
