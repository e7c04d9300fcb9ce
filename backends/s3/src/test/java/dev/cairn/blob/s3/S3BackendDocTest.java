package dev.cairn.blob.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BackendSettings;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.Capability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps docs/backends.md {@code ## s3} true: its option table lists exactly the provider's
 * options with their defaults, and its capability table's LocalStack and S3Proxy columns say what
 * {@link BlobStore#capabilities()} reports on those targets.
 */
class S3BackendDocTest {
    private static final Path DOC = Path.of("../../docs/backends.md");

    private static List<String[]> tableRows(String section) throws IOException {
        String doc = Files.readString(DOC);
        int start = doc.indexOf(section);
        assertTrue(start >= 0, "docs/backends.md lacks " + section);
        List<String[]> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : doc.substring(start).split("\n")) {
            if (line.startsWith("|")) {
                inTable = true;
                String[] cells = line.substring(1, line.length() - 1).split("\\|");
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = cells[i].trim();
                }
                rows.add(cells);
            } else if (inTable) {
                break;
            }
        }
        return rows.subList(2, rows.size());
    }

    @Test
    void optionTableMatchesTheProvider() throws IOException {
        Map<String, String> documented = new TreeMap<>();
        for (String[] row : tableRows("### Configuration")) {
            documented.put(row[0].replace("`", ""), row[2].replace("`", ""));
        }
        Map<String, String> declared = new TreeMap<>();
        for (BackendSettings.Option o : new S3BlobStoreProvider().options()) {
            declared.put(o.key(), o.defaultValue());
        }
        assertEquals(declared.keySet(), documented.keySet());
        for (Map.Entry<String, String> e : declared.entrySet()) {
            if (!e.getValue().isEmpty()) {
                assertEquals(e.getValue(), documented.get(e.getKey()), e.getKey());
            }
        }
    }

    @Test
    void capabilityTableMatchesTheProbedTargets(@TempDir Path dir) throws IOException {
        Map<String, S3Target> targets = new LinkedHashMap<>();
        targets.put("LocalStack", LocalStackContractTest.target());
        targets.put("S3Proxy", S3ProxyServer.shared());
        List<String[]> rows = tableRows("### Capabilities");
        int column = 2;
        for (Map.Entry<String, S3Target> t : targets.entrySet()) {
            Set<Capability> actual;
            try (BlobStore store = t.getValue().open(dir)) {
                actual = store.capabilities();
            }
            for (Capability c : Capability.values()) {
                String[] row = rows.stream().filter(r -> r[0].startsWith("`" + c.name() + "`")).findFirst()
                        .orElseThrow(() -> new AssertionError("capability table lacks " + c));
                assertEquals(actual.contains(c) ? "yes" : "no", row[column], t.getKey() + " " + c);
            }
            column++;
        }
    }
}
