package dev.cairn.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CairnConfigTest {
    @TempDir
    Path dir;

    @Test
    void defaultsGiveAWorkingLocalGatewayOnPort8080() {
        CairnConfig c = CairnConfig.fromMap(Map.of());
        assertEquals("0.0.0.0", c.http().host());
        assertEquals(8080, c.http().port());
        assertEquals(Duration.ofSeconds(30), c.http().idleTimeout());
        assertEquals(16 * 1024, c.http().maxHeaderSize());
        assertEquals(Duration.ofSeconds(10), c.http().shutdownTimeout());
        assertEquals("local", c.storage().backend());
        assertEquals(Path.of("./data"), c.storage().dataDir());
        assertEquals(1 << 20, c.oap().maxBody());
        assertEquals(10, c.oap().maxInflateRatio());
        assertEquals(c.oap().maxBody(), c.oap().maxInflated(), "max-inflated defaults to max-body");
        assertFalse(c.oap().openWrites());
        assertTrue(c.oap().publicReads());
        assertNull(c.oap().readToken());
        assertNull(c.credentials().accessKey());
        assertFalse(c.credentials().complete());
        assertEquals("info", c.logging().level());
    }

    @Test
    void s3DefaultsAndOverrides() {
        CairnConfig.S3 d = CairnConfig.fromMap(Map.of()).s3();
        assertEquals(new CairnConfig.S3("us-east-1", false, null, 5L << 30, Duration.ofMinutes(15)), d);
        CairnConfig.S3 s = CairnConfig.fromMap(Map.of("s3.signing-region", "eu-west-3", "s3.strict-region", "true",
                "s3.virtual-host-domain", "s3.example.test", "s3.max-put-size", "64MiB", "s3.max-clock-skew", "5m")).s3();
        assertEquals(new CairnConfig.S3("eu-west-3", true, "s3.example.test", 64L << 20, Duration.ofMinutes(5)), s);
        assertNull(CairnConfig.fromMap(Map.of("s3.virtual-host-domain", " ")).s3().virtualHostDomain(), "blank is unset");
    }


    @Test
    void multipartPartSizesBindAndAreCheckedAgainstEachOther() {
        CairnConfig c = CairnConfig.fromMap(Map.of("s3.min-part-size", "1MiB", "s3.max-part-size", "64MiB"));
        assertEquals(1L << 20, c.s3().minPartSize());
        assertEquals(64L << 20, c.s3().maxPartSize());
        ConfigException e = assertThrows(ConfigException.class,
                () -> CairnConfig.fromMap(Map.of("s3.min-part-size", "2GiB", "s3.max-part-size", "1GiB")));
        assertTrue(e.getMessage().contains("s3.min-part-size"), e.getMessage());
    }
    @Test
    void multipartSweeperKeysBindWithDefaultsAndZeroMaxAgeDisablesIt() {
        CairnConfig.S3 d = CairnConfig.fromMap(Map.of()).s3();
        assertEquals(Duration.ofDays(7), d.multipartMaxAge());
        assertEquals(Duration.ofHours(1), d.multipartSweepInterval());
        assertTrue(d.sweepsMultipart());
        CairnConfig.S3 s = CairnConfig.fromMap(Map.of("s3.multipart-max-age", "36h", "s3.multipart-sweep-interval", "10m")).s3();
        assertEquals(Duration.ofHours(36), s.multipartMaxAge());
        assertEquals(Duration.ofMinutes(10), s.multipartSweepInterval());
        CairnConfig.S3 off = CairnConfig.fromMap(Map.of("s3.multipart-max-age", "0")).s3();
        assertEquals(Duration.ZERO, off.multipartMaxAge());
        assertFalse(off.sweepsMultipart());
    }

    @Test
    void badMultipartSweeperValuesNameTheKey() {
        for (String[] bad : new String[][] {{"s3.multipart-max-age", "7"}, {"s3.multipart-max-age", "-1d"},
            {"s3.multipart-max-age", "a week"}, {"s3.multipart-sweep-interval", "0s"}, {"s3.multipart-sweep-interval", "1y"}}) {
            ConfigException e = assertThrows(ConfigException.class, () -> CairnConfig.fromMap(Map.of(bad[0], bad[1])), bad[0] + "=" + bad[1]);
            assertTrue(e.getMessage().startsWith(bad[0] + ":"), e.getMessage());
        }
    }

    @Test
    void badS3ValuesNameTheKey() {
        for (String[] bad : new String[][] {{"s3.signing-region", "us/east"}, {"s3.virtual-host-domain", "http://localhost:9000"},
            {"s3.max-put-size", "0"}, {"s3.max-clock-skew", "0s"}, {"s3.strict-region", "maybe"}}) {
            ConfigException e = assertThrows(ConfigException.class, () -> CairnConfig.fromMap(Map.of(bad[0], bad[1])), bad[0]);
            assertTrue(e.getMessage().startsWith(bad[0] + ":"), e.getMessage());
        }
    }

    @Test
    void maxInflatedFollowsMaxBodyUnlessSet() {
        assertEquals(4096, CairnConfig.fromMap(Map.of("oap.max-body", "4KiB")).oap().maxInflated());
        CairnConfig both = CairnConfig.fromMap(Map.of("oap.max-body", "4KiB", "oap.max-inflated", "1MiB"));
        assertEquals(4096, both.oap().maxBody());
        assertEquals(1 << 20, both.oap().maxInflated());
    }

    @Test
    void backendOptionsAreKeysWithDefaults() {
        CairnConfig c = CairnConfig.fromMap(Map.of("backend", "memory", "memory.max-bytes", "64KiB"));
        assertEquals("memory", c.storage().backend());
        assertEquals("64KiB", c.storage().settings().get("memory.max-bytes"));
        ConfigTable table = ConfigTable.create(BackendCatalog.discover());
        for (ConfigKey k : table.keys()) {
            if (table.isBackendOption(k.key()) && k.defaultValue() != null) {
                assertTrue(c.storage().settings().containsKey(k.key()), "default of " + k.key() + " reaches the backend");
            }
        }
    }

    @Test
    void precedenceIsDefaultsThenFileThenEnvThenFlags() throws IOException {
        Path file = dir.resolve("cairn.properties");
        Files.writeString(file, "http.port=1111\nhttp.host=10.0.0.1\nhttp.idle-timeout=5m\noap.max-body=2MiB\n");
        Map<String, String> env = Map.of("CAIRN_HTTP_PORT", "2222", "CAIRN_HTTP_IDLE_TIMEOUT", "7s");
        CairnConfig c = CairnConfig.load(new String[] {"--config", file.toString(), "--http.port=3333"}, env);
        assertEquals(3333, c.http().port(), "flag beats env");
        assertEquals(Duration.ofSeconds(7), c.http().idleTimeout(), "env beats file");
        assertEquals("10.0.0.1", c.http().host(), "file beats default");
        assertEquals(2 << 20, c.oap().maxBody());
        assertEquals(Duration.ofSeconds(10), c.http().shutdownTimeout(), "default when nobody sets it");

        CairnConfig spaced = CairnConfig.load(new String[] {"--config=" + file, "--http.port", "4444"}, env);
        assertEquals(4444, spaced.http().port(), "--key value form");
        assertEquals(2222, CairnConfig.load(new String[] {"--config", file.toString()}, env).http().port());
        assertEquals(1111, CairnConfig.load(new String[] {"--config", file.toString()}, Map.of()).http().port());
    }

    @Test
    void yamlNestedMapsFlattenToDottedKeys() throws IOException {
        Path file = dir.resolve("cairn.yaml");
        Files.writeString(file, """
                http:
                  port: 9000
                  max-header-size: 32KiB
                backend: memory
                memory:
                  max-bytes: 1MiB
                oap:
                  open-writes: true
                  write-token: tok-from-file
                data.dir: /srv/cairn
                """);
        CairnConfig c = CairnConfig.load(new String[] {"--config", file.toString()}, Map.of());
        assertEquals(9000, c.http().port());
        assertEquals(32 * 1024, c.http().maxHeaderSize());
        assertEquals("memory", c.storage().backend());
        assertEquals("1MiB", c.storage().settings().get("memory.max-bytes"));
        assertTrue(c.oap().openWrites());
        assertEquals("tok-from-file", c.credentials().oapWriteToken());
        assertEquals(Path.of("/srv/cairn"), c.storage().dataDir());
    }

    @Test
    void ymlExtensionAndConfigFromEnvironment() throws IOException {
        Path file = dir.resolve("c.yml");
        Files.writeString(file, "http: {port: 9100}\n");
        assertEquals(9100, CairnConfig.load(new String[0], Map.of("CAIRN_CONFIG", file.toString())).http().port());
    }

    @Test
    void requiredEnvironmentVariablesWork() {
        Map<String, String> env = new HashMap<>();
        env.put("CAIRN_HTTP_PORT", "9001");
        env.put("CAIRN_DATA_DIR", "/tmp/cairn-data");
        env.put("CAIRN_BACKEND", "memory");
        env.put("CAIRN_ACCESS_KEY", "AK");
        env.put("CAIRN_SECRET_KEY", "SK");
        env.put("CAIRN_OAP_WRITE_TOKEN", "TOKEN");
        env.put("CAIRN_NOT_A_KEY", "ignored");
        env.put("CAIRN_MEMORY_MAX_BYTES", "2MiB");
        CairnConfig c = CairnConfig.load(new String[0], env);
        assertEquals(9001, c.http().port());
        assertEquals(Path.of("/tmp/cairn-data"), c.storage().dataDir());
        assertEquals("memory", c.storage().backend());
        assertEquals(new CairnConfig.Credentials("AK", "SK", "TOKEN"), c.credentials());
        assertTrue(c.credentials().complete());
        assertEquals("2MiB", c.storage().settings().get("memory.max-bytes"));
    }

    @Test
    void envNamesDeriveFromKeys() {
        assertEquals("CAIRN_HTTP_PORT", CairnConfig.envName("http.port"));
        assertEquals("CAIRN_HTTP_MAX_HEADER_SIZE", CairnConfig.envName("http.max-header-size"));
        assertEquals("CAIRN_DATA_DIR", CairnConfig.envName("data.dir"));
        assertEquals("CAIRN_OAP_WRITE_TOKEN", CairnConfig.envName("oap.write-token"));
        ConfigTable table = ConfigTable.create(BackendCatalog.discover());
        for (ConfigKey k : table.keys()) {
            assertTrue(k.envName().matches("CAIRN_[A-Z0-9_]+"), k.envName());
        }
    }

    @Test
    void unknownKeyInFileNamesKeyAndFile() throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "http:\n  prot: 9000\n");
        ConfigException e = assertThrows(ConfigException.class, () -> CairnConfig.load(new String[] {"--config", file.toString()}, Map.of()));
        assertEquals("http.prot", e.key());
        assertTrue(e.getMessage().contains("http.prot") && e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void unknownFlagIsAnError() {
        ConfigException e = assertThrows(ConfigException.class, () -> CairnConfig.load(new String[] {"--http.prot=1"}, Map.of()));
        assertEquals("http.prot", e.key());
        assertTrue(e.getMessage().contains("--http.prot"), e.getMessage());
        assertThrows(ConfigException.class, () -> CairnConfig.load(new String[] {"stray"}, Map.of()));
        assertThrows(ConfigException.class, () -> CairnConfig.load(new String[] {"--http.port"}, Map.of()), "flag without value");
        assertThrows(ConfigException.class, () -> CairnConfig.fromMap(Map.of("nope", "1")));
    }

    @Test
    void badValueNamesKeyAndSource() {
        ConfigException env = assertThrows(ConfigException.class, () -> CairnConfig.load(new String[0], Map.of("CAIRN_HTTP_PORT", "eighty")));
        assertEquals("http.port", env.key());
        assertTrue(env.getMessage().contains("CAIRN_HTTP_PORT") && env.getMessage().contains("eighty"), env.getMessage());

        ConfigException flag = assertThrows(ConfigException.class, () -> CairnConfig.load(new String[] {"--http.idle-timeout=10 parsecs"}, Map.of()));
        assertEquals("http.idle-timeout", flag.key());
        assertTrue(flag.getMessage().contains("--http.idle-timeout"), flag.getMessage());

        assertEquals("oap.max-body", assertThrows(ConfigException.class, () -> CairnConfig.fromMap(Map.of("oap.max-body", "lots"))).key());
        assertEquals("oap.max-body", assertThrows(ConfigException.class, () -> CairnConfig.fromMap(Map.of("oap.max-body", "0"))).key());
        assertEquals("http.port", assertThrows(ConfigException.class, () -> CairnConfig.fromMap(Map.of("http.port", "70000"))).key());
        assertEquals("oap.open-writes", assertThrows(ConfigException.class, () -> CairnConfig.fromMap(Map.of("oap.open-writes", "maybe"))).key());
        assertEquals("oap.max-inflate-ratio", assertThrows(ConfigException.class, () -> CairnConfig.fromMap(Map.of("oap.max-inflate-ratio", "0"))).key());
        assertEquals("http.max-header-size", assertThrows(ConfigException.class, () -> CairnConfig.fromMap(Map.of("http.max-header-size", "10"))).key());
        assertEquals("log.level", assertThrows(ConfigException.class, () -> CairnConfig.fromMap(Map.of("log.level", "loud"))).key());
    }

    @Test
    void unknownBackendListsTheKnownOnes() {
        ConfigException e = assertThrows(ConfigException.class, () -> CairnConfig.fromMap(Map.of("backend", "tape")));
        assertEquals("backend", e.key());
        assertTrue(e.getMessage().contains("tape") && e.getMessage().contains("memory") && e.getMessage().contains("local"), e.getMessage());
    }

    @Test
    void malformedOrMissingFileIsAConfigError() throws IOException {
        assertThrows(ConfigException.class, () -> CairnConfig.load(new String[] {"--config", dir.resolve("missing.yaml").toString()}, Map.of()));
        Path txt = dir.resolve("cairn.txt");
        Files.writeString(txt, "http.port=1");
        assertThrows(ConfigException.class, () -> CairnConfig.load(new String[] {"--config", txt.toString()}, Map.of()));
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "http: [unclosed\n  secret-key: hunter2\n");
        ConfigException e = assertThrows(ConfigException.class, () -> CairnConfig.load(new String[] {"--config", broken.toString()}, Map.of()));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        Path list = dir.resolve("list.yaml");
        Files.writeString(list, "http:\n  host: [a, b]\n");
        assertEquals("http.host", assertThrows(ConfigException.class,
                () -> CairnConfig.load(new String[] {"--config", list.toString()}, Map.of())).key());
    }

    @Test
    void secretsNeverShowInToStringOrErrors() {
        CairnConfig c = CairnConfig.fromMap(Map.of("access-key", "AKIDSECRET1", "secret-key", "SKSECRET2",
                "oap.write-token", "TOKSECRET3", "oap.read-token", "READSECRET4"));
        String text = c.toString();
        for (String secret : new String[] {"AKIDSECRET1", "SKSECRET2", "TOKSECRET3", "READSECRET4"}) {
            assertFalse(text.contains(secret), text);
        }
        assertTrue(text.contains("<redacted>"), text);
        assertTrue(CairnConfig.fromMap(Map.of()).credentials().toString().contains("<unset>"));
    }

    @Test
    void blankValuesCountAsNotGiven() {
        CairnConfig c = CairnConfig.load(new String[0], Map.of("CAIRN_ACCESS_KEY", "", "CAIRN_HTTP_PORT", " "));
        assertNull(c.credentials().accessKey());
        assertEquals(8080, c.http().port());
    }

    @Test
    void bareBooleanFlagMeansTrue() {
        CairnConfig c = CairnConfig.load(new String[] {"--oap.open-writes", "--http.port=1"}, Map.of());
        assertTrue(c.oap().openWrites());
        assertEquals(1, c.http().port());
    }
}
