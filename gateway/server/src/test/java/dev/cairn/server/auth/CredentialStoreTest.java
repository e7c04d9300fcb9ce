package dev.cairn.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.server.config.CairnConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialStoreTest {
    private static final CairnConfig.Credentials NONE = new CairnConfig.Credentials(null, null, null);

    @TempDir
    Path dir;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private CredentialStore store(Path dataDir) {
        return new CredentialStore(dataDir, new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        String s = console.toString(StandardCharsets.UTF_8);
        console.reset();
        return s;
    }

    @Test
    void firstStartGeneratesSavesWithMode0600AndPrintsOnce() throws IOException {
        Path data = dir.resolve("data"); // does not exist yet
        CredentialStore store = store(data);
        CairnConfig.Credentials first = store.resolve(NONE);
        assertTrue(first.complete());
        assertTrue(first.accessKey().matches("CAIRN[A-Z0-9]{15}"), first.accessKey());
        assertTrue(first.secretKey().matches("[A-Za-z0-9_-]{40}"), first.secretKey());
        assertTrue(first.oapWriteToken().matches("[A-Za-z0-9_-]{43}"), first.oapWriteToken());

        Path file = data.resolve(CredentialStore.FILE_NAME);
        assertEquals(file, store.file());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (var files = Files.list(data)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
        Properties saved = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            saved.load(r);
        }
        assertEquals(first.accessKey(), saved.getProperty("access-key"));
        assertEquals(first.secretKey(), saved.getProperty("secret-key"));
        assertEquals(first.oapWriteToken(), saved.getProperty("oap.write-token"));

        String out = printed();
        assertTrue(out.startsWith("+-") && out.trim().endsWith("-+"), "boxed block:\n" + out);
        assertTrue(out.contains(first.accessKey()) && out.contains(first.secretKey()) && out.contains(first.oapWriteToken()), out);

        CairnConfig.Credentials second = store(data).resolve(NONE);
        assertEquals(first, second, "later starts reuse the file");
        String again = printed();
        assertEquals("credentials loaded from " + file + System.lineSeparator(), again);
        assertFalse(again.contains(first.secretKey()));
    }

    @Test
    void configuredValuesWinOverTheFile() {
        CairnConfig.Credentials generated = store(dir).resolve(NONE);
        printed();
        CairnConfig.Credentials mixed = store(dir).resolve(new CairnConfig.Credentials("MYKEY", null, "my-token"));
        assertEquals("MYKEY", mixed.accessKey());
        assertEquals(generated.secretKey(), mixed.secretKey());
        assertEquals("my-token", mixed.oapWriteToken());
        assertTrue(printed().startsWith("credentials loaded from"));
    }

    @Test
    void completeConfigurationNeverTouchesTheDisk() {
        CairnConfig.Credentials all = new CairnConfig.Credentials("A", "B", "C");
        assertEquals(all, store(dir.resolve("absent")).resolve(all));
        assertFalse(Files.exists(dir.resolve("absent")));
        assertEquals("", printed());
    }

    @Test
    void onlyMissingValuesAreGeneratedAndPrinted() {
        CairnConfig.Credentials c = store(dir).resolve(new CairnConfig.Credentials("MYKEY", "MYSECRET", null));
        assertEquals("MYKEY", c.accessKey());
        String out = printed();
        assertTrue(out.contains(c.oapWriteToken()), out);
        assertFalse(out.contains("MYSECRET"), out);
    }

    @Test
    void generatedValuesDiffer() {
        CairnConfig.Credentials a = store(dir.resolve("a")).resolve(NONE);
        CairnConfig.Credentials b = store(dir.resolve("b")).resolve(NONE);
        assertNotEquals(a.accessKey(), b.accessKey());
        assertNotEquals(a.secretKey(), b.secretKey());
        assertNotEquals(a.oapWriteToken(), b.oapWriteToken());
    }
}
