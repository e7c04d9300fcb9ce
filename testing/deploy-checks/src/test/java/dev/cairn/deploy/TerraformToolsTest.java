package dev.cairn.deploy;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A missing tool fails the checks loudly, naming the script that installs it; it never skips them. */
class TerraformToolsTest {
    @TempDir
    Path tmp;

    @Test
    void aMissingToolFailsNamingTheInstallScript() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TerraformTools.requireExecutable(tmp.resolve("bin/tofu"), "OpenTofu"));
        assertTrue(e.getMessage().contains("OpenTofu") && e.getMessage().contains("terraform/scripts/ensure-tools.sh"),
                e.getMessage());
        assertThrows(IllegalStateException.class, () -> TerraformTools.requireExecutable(tmp, "checkov"),
                "a directory is not a tool");
    }

    @Test
    void theInstalledToolsAreThere() {
        TerraformTools.tofu();
        TerraformTools.hcl2tojson();
        TerraformTools.checkov();
    }
}
