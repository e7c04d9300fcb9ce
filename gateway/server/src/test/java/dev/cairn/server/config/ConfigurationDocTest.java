package dev.cairn.server.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/configuration.md documents every key the server accepts, with its environment variables. */
class ConfigurationDocTest {
    private static final Path DOC = Path.of("..", "..", "docs", "configuration.md");

    @Test
    void everyKeyHasARowWithItsEnvironmentVariables() throws IOException {
        String doc = Files.readString(DOC);
        List<String> missing = new ArrayList<>();
        for (ConfigKey k : ConfigTable.create(BackendCatalog.discover()).keys()) {
            String row = "| `" + k.key() + "` | `" + (k.envAlias() == null ? k.envName() : k.envAlias()) + "` |";
            if (!doc.contains(row)) {
                missing.add(row);
            }
        }
        assertTrue(missing.isEmpty(), "docs/configuration.md lacks rows starting with:\n" + String.join("\n", missing));
    }
}
