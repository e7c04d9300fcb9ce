package dev.cairn.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * checkov over each module: no failed check, no parsing error, and exactly the skips the README lists (each with
 * its inline reason). A broken copy must make checkov fail, which shows the run really checks the files.
 */
class TerraformCheckovTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"aws", "gcp"})
    void checkovFindsNothingUnskipped(String module) {
        Path dir = TerraformTools.terraformDir().resolve(module);
        CheckovReport report = CheckovReport.run(dir);
        System.out.println(module + ": " + report.summary());
        assertEquals(0, report.parsingErrors, module + ": checkov could not parse every file: " + report.summary());
        assertTrue(report.resourceCount > 10, module + ": checkov saw too few resources: " + report.summary());
        assertEquals(List.of(), report.failed, module + ": checkov failed checks (fix them, or skip one inline with "
                + "#checkov:skip=ID:reason and rerun TerraformDocsTest with -Dcairn.readme.update=true)");

        Set<String> skippedByCheckov = report.skipped.stream()
                .map(f -> f.checkId() + " " + f.resource()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> skippedInSource = ModuleReadme.skipsIn(dir).stream()
                .map(s -> s.checkId() + " " + s.resource()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(skippedInSource, skippedByCheckov,
                module + ": every inline skip must be one checkov applied (no stale skips), and no other");
        report.skipped.forEach(f -> assertTrue(f.skipReason() != null && !f.skipReason().isBlank(),
                "skip without a reason: " + f));
    }

    @Test
    void checkovReportsABrokenAwsCopy() {
        Path copy = ModuleCopy.of(TerraformTools.terraformDir().resolve("aws"), tmp.resolve("aws"))
                .replace("alb.tf", "drop_invalid_header_fields\\s*=\\s*true", "drop_invalid_header_fields = false")
                .replace("storage.tf", "block_public_policy\\s*=\\s*true", "block_public_policy = false")
                .dir();
        Set<String> failed = failedIds(CheckovReport.run(copy));
        assertTrue(failed.containsAll(Set.of("CKV_AWS_131", "CKV_AWS_54")), "checkov should report the broken copy: " + failed);
    }

    @Test
    void checkovReportsABrokenGcpCopy() {
        Path copy = ModuleCopy.of(TerraformTools.terraformDir().resolve("gcp"), tmp.resolve("gcp"))
                .replace("storage.tf", "uniform_bucket_level_access\\s*=\\s*true", "uniform_bucket_level_access = false")
                .dir();
        Set<String> failed = failedIds(CheckovReport.run(copy));
        assertTrue(failed.contains("CKV_GCP_29"), "checkov should report the broken copy: " + failed);
    }

    private static Set<String> failedIds(CheckovReport report) {
        return report.failed.stream().map(CheckovReport.Finding::checkId).collect(Collectors.toCollection(TreeSet::new));
    }
}
