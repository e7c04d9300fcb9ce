package dev.cairn.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code s3.credentials}, {@code s3.credentials-file} and {@code s3.public-read-buckets} in every layer. */
class S3AccessConfigTest {

    @Test
    void unsetByDefault() {
        CairnConfig.S3 s3 = CairnConfig.fromMap(Map.of()).s3();
        assertNull(s3.credentialsFile());
        assertEquals(Map.of(), s3.inlineCredentials());
        assertEquals(Set.of(), s3.publicReadBuckets());
    }

    @Test
    void inlinePairsKeepOrderAndSecretsMayHoldColonsAndSlashes() {
        CairnConfig.S3 s3 = CairnConfig.fromMap(Map.of("s3.credentials", " AKIDTWO:se:cr/et+2 , ci-robot:s3cret ")).s3();
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("AKIDTWO", "se:cr/et+2");
        expected.put("ci-robot", "s3cret");
        assertEquals(expected, s3.inlineCredentials());
        assertEquals(List.of("AKIDTWO", "ci-robot"), List.copyOf(s3.inlineCredentials().keySet()));
    }

    @Test
    void publicReadBucketsAreAListOfValidNames() {
        assertEquals(List.of("www", "downloads"),
                List.copyOf(CairnConfig.fromMap(Map.of("s3.public-read-buckets", "www, downloads,,www")).s3().publicReadBuckets()));
        ConfigException e = assertThrows(ConfigException.class,
                () -> CairnConfig.fromMap(Map.of("s3.public-read-buckets", "fine,Not_A_Bucket")));
        assertTrue(e.getMessage().startsWith("s3.public-read-buckets: 'Not_A_Bucket' is not a bucket name"), e.getMessage());
    }

    @Test
    void environmentAndFlagForms() {
        Map<String, String> env = Map.of(
                "CAIRN_S3_CREDENTIALS", "ENVKEY:env-secret",
                "CAIRN_S3_CREDENTIALS_FILE", "/etc/cairn/keys.properties",
                "CAIRN_S3_PUBLIC_READ_BUCKETS", "from-env");
        CairnConfig.S3 fromEnv = CairnConfig.load(new String[0], env).s3();
        assertEquals(Map.of("ENVKEY", "env-secret"), fromEnv.inlineCredentials());
        assertEquals(Path.of("/etc/cairn/keys.properties"), fromEnv.credentialsFile());
        assertEquals(Set.of("from-env"), fromEnv.publicReadBuckets());

        CairnConfig.S3 flags = CairnConfig.load(new String[] {"--s3.public-read-buckets=from-flag", "--s3.credentials-file", "keys.txt",
            "--s3.credentials=FLAGKEY:flag-secret"}, env).s3();
        assertEquals(Map.of("FLAGKEY", "flag-secret"), flags.inlineCredentials(), "flags win over the environment");
        assertEquals(Path.of("keys.txt"), flags.credentialsFile());
        assertEquals(Set.of("from-flag"), flags.publicReadBuckets());
    }

    @Test
    void badInlinePairsNameTheKeyAndSourceButNeverASecret() {
        String[][] cases = {
            {"AKID-only-no-separator", "pair 1 is not ACCESS_KEY_ID:SECRET"},
            {"GOOD:top-secret-1,BAD:", "access key id 'BAD' has an empty secret"},
            {"DUP:top-secret-1,DUP:top-secret-2", "access key id 'DUP' is given twice"},
            {"has space:top-secret-1", "pair 1: access key id 'has?space'"},
            {":top-secret-1", "pair 1: an access key id is empty"},
        };
        for (String[] c : cases) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> CairnConfig.load(new String[0], Map.of("CAIRN_S3_CREDENTIALS", c[0])), c[0]);
            assertEquals("s3.credentials", e.key());
            assertTrue(e.getMessage().startsWith("s3.credentials: " + c[1]), e.getMessage());
            assertTrue(e.getMessage().contains("environment variable CAIRN_S3_CREDENTIALS"), e.getMessage());
            assertFalse(e.getMessage().contains("top-secret"), e.getMessage());
        }
    }

    @Test
    void toStringRedactsInlineSecrets() {
        CairnConfig c = CairnConfig.fromMap(Map.of("s3.credentials", "AKIDTWO:top-secret", "s3.public-read-buckets", "www"));
        assertTrue(c.toString().contains("AKIDTWO") && c.toString().contains("www"), c.toString());
        assertFalse(c.toString().contains("top-secret"), c.toString());
    }
}
