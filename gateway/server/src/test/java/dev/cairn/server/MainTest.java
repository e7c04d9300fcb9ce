package dev.cairn.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.server.config.BackendCatalog;
import dev.cairn.server.config.ConfigKey;
import dev.cairn.server.config.ConfigTable;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return Main.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new Main.Holder());
    }

    @Test
    void helpListsEveryKeyWithDefaultAndEnvName() {
        assertEquals(0, run(Map.of(), "--help"));
        String help = out.toString(StandardCharsets.UTF_8);
        ConfigTable table = ConfigTable.create(BackendCatalog.discover());
        for (ConfigKey k : table.keys()) {
            assertTrue(help.contains("--" + k.key() + "="), "help lists " + k.key());
            assertTrue(help.contains("env " + k.envName() + (k.envAlias() == null ? "" : " or " + k.envAlias()) + ", default " + (k.defaultValue() == null ? "(unset)" : k.defaultValue().isEmpty() ? "(empty)" : k.defaultValue())),
                    "help shows env and default of " + k.key());
        }
        for (String key : new String[] {"http.port", "data.dir", "backend", "access-key", "secret-key", "oap.write-token", "memory.max-bytes", "local.min-free",
            "s3.credentials-file", "s3.credentials", "s3.public-read-buckets"}) {
            assertTrue(help.contains("--" + key + "="), key);
        }
        assertTrue(help.contains("CAIRN_HTTP_PORT, default 8080"), help);
    }

    @Test
    void versionPrintsTheProjectVersion() {
        assertEquals(0, run(Map.of(), "--version"));
        String v = out.toString(StandardCharsets.UTF_8).trim();
        assertTrue(v.matches("cairn \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), v);
    }

    @Test
    void badConfigurationExits2WithOneLineAndNoStackTrace() {
        assertEquals(2, run(Map.of("CAIRN_HTTP_PORT", "eighty")));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.startsWith("cairn: configuration error: http.port:"), message);
        assertTrue(message.contains("CAIRN_HTTP_PORT"), message);
        assertEquals(1, message.lines().count(), message);
        assertFalse(message.contains("\tat "), message);

        err.reset();
        assertEquals(2, run(Map.of(), "--no-such-option=1"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--no-such-option"));
    }

    @Test
    void backendSettingErrorAtStartExits2(@TempDir Path data) {
        assertEquals(2, run(Map.of(), "--backend=memory", "--memory.max-bytes=lots", "--http.port=0", "--http.host=127.0.0.1",
                "--data.dir=" + data));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("memory.max-bytes"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void badCredentialsFileAtStartExits2NamingTheFile(@TempDir Path data) throws Exception {
        Path keys = data.resolve("keys.properties");
        java.nio.file.Files.writeString(keys, "AKIDONE = top-secret-1\nAKIDONE = top-secret-2\n");
        assertEquals(2, run(Map.of("CAIRN_S3_CREDENTIALS_FILE", keys.toString()), "--backend=memory", "--http.port=0",
                "--http.host=127.0.0.1", "--data.dir=" + data));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.startsWith("cairn: configuration error: s3.credentials-file: " + keys + " line 2:"), message);
        assertFalse(message.contains("top-secret"), message);
    }

    @Test
    void publicReadBucketServesAnonymousReadsOnly(@TempDir Path data) throws Exception {
        Main.Holder holder = new Main.Holder();
        int code = Main.run(new String[] {"--backend=memory", "--http.port=0", "--http.host=127.0.0.1", "--data.dir=" + data,
            "--s3.public-read-buckets=www"}, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), holder);
        assertEquals(Main.RUNNING, code, err.toString(StandardCharsets.UTF_8));
        try {
            // the bucket does not exist yet: a public bucket answers the truth, a private one only AccessDenied
            assertEquals(404, Http.get(holder.server.baseUri(), "/www/index.html").statusCode());
            assertEquals(403, Http.get(holder.server.baseUri(), "/private/index.html").statusCode());
            assertEquals(403, Http.get(holder.server.baseUri(), "/").statusCode());
        } finally {
            holder.server.close();
        }
    }

    @Test
    void startsPrintsUrlAndServes(@TempDir Path data) throws Exception {
        Main.Holder holder = new Main.Holder();
        int code = Main.run(new String[] {"--backend=memory", "--http.port=0", "--http.host=127.0.0.1", "--data.dir=" + data},
                Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), holder);
        assertEquals(Main.RUNNING, code, err.toString(StandardCharsets.UTF_8));
        try {
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("Cairn listening on " + holder.server.baseUri()), out.toString(StandardCharsets.UTF_8));
            assertEquals(200, Http.get(holder.server.baseUri(), "/healthz").statusCode());
        } finally {
            holder.server.close();
        }
    }
}
