package dev.cairn.deploy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A checkov run over one module directory ({@code --framework terraform -o json}) and the findings it reports.
 *
 * <p>Without a Prisma Cloud API key checkov reports no severities, so no finding can be told apart as HIGH or
 * CRITICAL offline: the policy here is the stricter one, zero failed checks of any severity, and every skip carries
 * its reason inline ({@code #checkov:skip=ID:reason}).
 */
final class CheckovReport {
    /** One check result: its id, the resource it is about, and the skip reason (null unless skipped). */
    record Finding(String checkId, String name, String resource, String file, String skipReason) {
        @Override
        public String toString() {
            return checkId + " (" + name + ") on " + resource + " in " + file
                    + (skipReason == null ? "" : " skipped: " + skipReason);
        }
    }

    final List<Finding> failed;
    final List<Finding> skipped;
    final int passed;
    final int parsingErrors;
    final int resourceCount;
    final String version;

    private CheckovReport(JsonObject report) {
        JsonObject results = report.getAsJsonObject("results");
        JsonObject summary = report.getAsJsonObject("summary");
        failed = findings(results.get("failed_checks"));
        skipped = findings(results.get("skipped_checks"));
        passed = summary.get("passed").getAsInt();
        parsingErrors = summary.get("parsing_errors").getAsInt();
        resourceCount = summary.get("resource_count").getAsInt();
        version = summary.has("checkov_version") ? summary.get("checkov_version").getAsString() : "?";
    }

    /**
     * Runs checkov on {@code moduleDir}, offline.
     *
     * @throws IllegalStateException if checkov fails to run or prints no terraform report
     */
    static CheckovReport run(Path moduleDir) {
        TerraformTools.Result r = TerraformTools.run(moduleDir, Duration.ofMinutes(5), List.of(
                TerraformTools.checkov().toString(), "--directory", moduleDir.toString(), "--framework", "terraform",
                "--output", "json", "--compact", "--skip-download", "--download-external-modules", "false"));
        // checkov exits 1 when a check failed; anything else non-zero is a broken run.
        if (r.exitCode() != 0 && r.exitCode() != 1) {
            throw new IllegalStateException("checkov failed on " + moduleDir + ": " + r.describe());
        }
        JsonElement parsed;
        try {
            parsed = JsonParser.parseString(r.stdout());
        } catch (RuntimeException e) {
            throw new IllegalStateException("checkov printed no JSON for " + moduleDir + ": " + r.describe(), e);
        }
        JsonObject report = null;
        if (parsed.isJsonArray()) {
            for (JsonElement e : parsed.getAsJsonArray()) {
                if ("terraform".equals(e.getAsJsonObject().get("check_type").getAsString())) {
                    report = e.getAsJsonObject();
                }
            }
        } else if (parsed.isJsonObject() && parsed.getAsJsonObject().has("results")) {
            report = parsed.getAsJsonObject();
        }
        if (report == null) {
            throw new IllegalStateException("checkov reported nothing for terraform in " + moduleDir + ": " + r.describe());
        }
        return new CheckovReport(report);
    }

    private static List<Finding> findings(JsonElement e) {
        List<Finding> out = new ArrayList<>();
        if (e == null || !e.isJsonArray()) {
            return out;
        }
        for (JsonElement x : (JsonArray) e) {
            JsonObject o = x.getAsJsonObject();
            JsonElement result = o.get("check_result");
            String reason = result != null && result.isJsonObject() ? str(result.getAsJsonObject(), "suppress_comment") : null;
            out.add(new Finding(str(o, "check_id"), str(o, "check_name"), str(o, "resource"), str(o, "file_path"), reason));
        }
        return out;
    }

    private static String str(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    String summary() {
        return "checkov " + version + ": " + passed + " passed, " + failed.size() + " failed, " + skipped.size()
                + " skipped, " + parsingErrors + " parsing errors, " + resourceCount + " resources";
    }
}
