package dev.cairn.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each module's README shows its inputs, outputs and checkov skips exactly as the .tf files declare them, every
 * skip has a reason, and the example tfvars set only declared variables and every required one.
 *
 * <p>To regenerate the tables after changing a module: run this test with {@code -Dcairn.readme.update=true}.
 */
class TerraformDocsTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"aws", "gcp"})
    void readmeTablesMatchTheModule(String module) throws IOException {
        Path dir = TerraformTools.terraformDir().resolve(module);
        HclModule m = HclModule.parse(dir);
        Path readme = dir.resolve("README.md");
        String current = ModuleReadme.read(readme);
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("inputs", ModuleReadme.inputs(m));
        sections.put("outputs", ModuleReadme.outputs(m));
        sections.put("checkov-skips", ModuleReadme.skips(dir));
        String expected = ModuleReadme.render(current, sections);
        if (Boolean.getBoolean("cairn.readme.update")) {
            Files.writeString(readme, expected);
            return;
        }
        assertEquals(expected, current, module + "/README.md is out of date with its .tf files: rerun this test with "
                + "-Dcairn.readme.update=true");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"aws", "gcp"})
    void everyCheckovSkipHasAReason(String module) {
        List<ModuleReadme.Skip> skips = ModuleReadme.skipsIn(TerraformTools.terraformDir().resolve(module));
        for (ModuleReadme.Skip s : skips) {
            assertTrue(s.reason().length() >= 30, "the skip of " + s.checkId() + " on " + s.resource()
                    + " needs a real reason, not '" + s.reason() + "'");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"aws", "gcp"})
    void exampleSetsOnlyDeclaredVariablesAndEveryRequiredOne(String module) {
        Path terraform = TerraformTools.terraformDir();
        HclModule m = HclModule.parse(terraform.resolve(module));
        JsonObject example = HclModule.parseAttributes(terraform.resolve("examples").resolve(module + ".tfvars"));
        Set<String> set = new TreeSet<>(example.keySet());
        set.removeIf(k -> k.startsWith("__"));
        Set<String> undeclared = new TreeSet<>(set);
        undeclared.removeAll(m.variables().keySet());
        assertEquals(Set.of(), undeclared, "examples/" + module + ".tfvars sets variables the module does not declare");
        Set<String> missing = new TreeSet<>();
        m.variables().forEach((name, body) -> {
            if (!body.has("default") && !set.contains(name)) {
                missing.add(name);
            }
        });
        assertEquals(Set.of(), missing, "examples/" + module + ".tfvars lacks required variables");
    }
}
