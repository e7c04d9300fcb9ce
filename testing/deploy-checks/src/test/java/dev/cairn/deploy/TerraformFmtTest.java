package dev.cairn.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tofu fmt -check} over terraform/ (modules and example tfvars), and proof that it catches a bad file. */
class TerraformFmtTest {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    Path tmp;

    @Test
    void everyTerraformFileIsCanonicallyFormatted() {
        Path dir = TerraformTools.terraformDir();
        TerraformTools.Result r = fmtCheck(dir);
        assertEquals(0, r.exitCode(), "tofu fmt -check found unformatted files (run `.build/bin/tofu fmt -recursive terraform`): "
                + r.describe());
    }

    @Test
    void aMisformattedFileFailsTheCheck() throws IOException {
        Path copy = ModuleCopy.of(TerraformTools.terraformDir().resolve("aws"), tmp.resolve("aws"))
                .replace("outputs.tf", "\n  value       = ", "\n      value = ").dir();
        TerraformTools.Result r = fmtCheck(copy);
        assertNotEquals(0, r.exitCode(), "tofu fmt -check passed a misformatted file: " + r.describe());
        assertTrue(r.stdout().contains("outputs.tf"), "tofu fmt -check should name outputs.tf: " + r.describe());

        Files.writeString(tmp.resolve("bad.tfvars"), "name=\"x\"\n");
        assertNotEquals(0, fmtCheck(tmp).exitCode(), "tofu fmt -check should also check .tfvars files");
    }

    private static TerraformTools.Result fmtCheck(Path dir) {
        return TerraformTools.run(dir, TIMEOUT,
                List.of(TerraformTools.tofu().toString(), "fmt", "-check", "-recursive", "-list=true", "-no-color", dir.toString()));
    }
}
