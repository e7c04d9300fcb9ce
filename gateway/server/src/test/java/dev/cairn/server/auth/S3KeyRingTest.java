package dev.cairn.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.gateway.s3.auth.AccessKeys;
import dev.cairn.server.config.CairnConfig;
import dev.cairn.server.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class S3KeyRingTest {
    private static final CairnConfig.Credentials OWNER = new CairnConfig.Credentials("AKIDOWNER", "owner-secret", "token");

    @TempDir
    Path dir;

    private static CairnConfig.S3 s3(Path file, Map<String, String> inline) {
        return new CairnConfig.S3("us-east-1", false, null, 1L << 30, Duration.ofMinutes(15), file, inline, Set.of(),
                CairnConfig.S3.DEFAULT_MIN_PART_SIZE, CairnConfig.S3.DEFAULT_MAX_PART_SIZE, CairnConfig.S3.DEFAULT_MULTIPART_MAX_AGE,
                CairnConfig.S3.DEFAULT_MULTIPART_SWEEP_INTERVAL, CairnConfig.S3.DEFAULT_COMPLETE_KEEPALIVE,
                CairnConfig.S3.DEFAULT_COMPLETE_KEEPALIVE);
    }

    private Path file(String text) throws IOException {
        Path f = dir.resolve("keys.properties");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void ownerInlineAndFilePairsAllWork() throws IOException {
        Path f = file("""
                # deploy robots
                AKIDFILE1 = file-secret=with/equals+and:colon

                ! also a comment
                  AKIDFILE2:file-secret-2\t
                """);
        AccessKeys keys = S3KeyRing.assemble(OWNER, s3(f, Map.of("AKIDINLINE", "inline-secret")));
        assertEquals(List.of("AKIDOWNER", "AKIDINLINE", "AKIDFILE1", "AKIDFILE2"), List.copyOf(keys.keyIds()));
        assertEquals("owner-secret", keys.secretKeyFor("AKIDOWNER"));
        assertEquals("inline-secret", keys.secretKeyFor("AKIDINLINE"));
        assertEquals("file-secret=with/equals+and:colon", keys.secretKeyFor("AKIDFILE1"));
        assertEquals("file-secret-2", keys.secretKeyFor("AKIDFILE2"));
        assertNull(keys.secretKeyFor("AKIDNOBODY"));
        assertEquals("AKIDOWNER", keys.owner());
    }

    @Test
    void onlyTheOwnerWithoutFurtherPairs() throws IOException {
        assertEquals(List.of("AKIDOWNER"), List.copyOf(S3KeyRing.assemble(OWNER, s3(null, Map.of())).keyIds()));
        Path commentsOnly = file("# no keys yet\n\n");
        assertEquals(List.of("AKIDOWNER"), List.copyOf(S3KeyRing.assemble(OWNER, s3(commentsOnly, Map.of())).keyIds()));
    }

    @Test
    void badFilesNameTheFileAndLineButNoSecret() throws IOException {
        String[][] cases = {
            {"AKIDA = top-secret-a\nno separator here top-secret-b\n", "line 2 is not ACCESS_KEY_ID = SECRET"},
            {"AKIDA =   \n", "line 1: access key id 'AKIDA' has an empty secret"},
            {"AKIDA = top-secret-a\n# x\nAKIDA = top-secret-b\n", "line 3: access key id 'AKIDA' is already given on line 1"},
            {"bad/id = top-secret-a\n", "line 1: access key id 'bad/id' may only hold"},
            {" = top-secret-a\n", "line 1: an access key id is empty"},
        };
        for (String[] c : cases) {
            Path f = file(c[0]);
            ConfigException e = assertThrows(ConfigException.class, () -> S3KeyRing.assemble(OWNER, s3(f, Map.of())), c[0]);
            assertEquals("s3.credentials-file", e.key());
            assertTrue(e.getMessage().startsWith("s3.credentials-file: " + f + " " + c[1]), e.getMessage());
            assertFalse(e.getMessage().contains("top-secret"), e.getMessage());
        }
    }

    @Test
    void missingOrBinaryFileNamesTheFile() throws IOException {
        Path missing = dir.resolve("nope.properties");
        ConfigException e = assertThrows(ConfigException.class, () -> S3KeyRing.assemble(OWNER, s3(missing, Map.of())));
        assertEquals("s3.credentials-file: " + missing + " does not exist or is not a regular file", e.getMessage());
        ConfigException directory = assertThrows(ConfigException.class, () -> S3KeyRing.assemble(OWNER, s3(dir, Map.of())));
        assertTrue(directory.getMessage().contains(dir.toString()), directory.getMessage());
        Path binary = dir.resolve("binary");
        Files.write(binary, new byte[] {'A', '=', (byte) 0xff, (byte) 0xfe});
        ConfigException bin = assertThrows(ConfigException.class, () -> S3KeyRing.assemble(OWNER, s3(binary, Map.of())));
        assertEquals("s3.credentials-file: " + binary + " is not UTF-8 text", bin.getMessage());
    }

    @Test
    void aKeyIdMayAppearOnlyOnceAcrossAllSources() throws IOException {
        Path f = file("AKIDOWNER = top-secret-x\n");
        ConfigException owner = assertThrows(ConfigException.class, () -> S3KeyRing.assemble(OWNER, s3(f, Map.of())));
        assertEquals("s3.credentials-file", owner.key());
        assertTrue(owner.getMessage().contains("'AKIDOWNER'") && owner.getMessage().contains("already given by access-key"),
                owner.getMessage());
        Path g = file("AKIDTWO = top-secret-x\n");
        ConfigException both = assertThrows(ConfigException.class,
                () -> S3KeyRing.assemble(OWNER, s3(g, Map.of("AKIDTWO", "top-secret-y"))));
        assertTrue(both.getMessage().contains("'AKIDTWO'") && both.getMessage().contains("already given by s3.credentials"),
                both.getMessage());
        ConfigException inline = assertThrows(ConfigException.class,
                () -> S3KeyRing.assemble(OWNER, s3(null, Map.of("AKIDOWNER", "top-secret-y"))));
        assertEquals("s3.credentials", inline.key());
        for (ConfigException e : List.of(owner, both, inline)) {
            assertFalse(e.getMessage().contains("top-secret") || e.getMessage().contains("owner-secret"), e.getMessage());
        }
    }
}
