package dev.cairn.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * AWS CLI v2 (Debian's {@code awscli} package at {@code /usr/bin/aws}, which {@code .ci/run}
 * installs) through {@code scripts/awscli-v2-session.sh}: a shell session as a person would type
 * it (mb, cp, ls, sync of awkward names up and down, s3api object calls, presign fetched with
 * curl, rm). The script checks every step itself and names the one that failed; this test runs it
 * against a fresh gateway. Memory backend.
 */
class AwsCliV2LaneTest extends ProgramLane {
    private static final String INSTALL = "install Debian's AWS CLI v2 with: apt-get install awscli";

    @Override
    String backend() {
        return "memory";
    }

    private Proc.Result session(Map<String, String> envOverrides) throws Exception {
        Path cli = Tools.systemProgramAt(Path.of("/usr/bin/aws"), INSTALL);
        Tools.requiredProgram("curl", "install it with: apt-get install curl");
        Path script = Tools.script("awscli-v2-session.sh");
        Map<String, String> env = new HashMap<>(awsEnvironment());
        env.put("AWS_CLI_V2", cli.toString());
        env.put("TMPDIR", work.toString());
        env.putAll(envOverrides);
        return Proc.run(work, env, List.of(Tools.requiredProgram("bash", "install bash").toString(), script.toString(),
                gateway.endpoint().toString(), bucketName()));
    }

    @Test
    void wholeSession() throws Exception {
        Proc.Result r = session(Map.of());
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.stdout().contains("awscli-v2-session: aws-cli/2."), r.describe());
        assertTrue(r.stdout().contains("awscli-v2-session: all steps passed"), r.describe());
    }

    /** The script is only worth running if it stops, and says where, when the gateway says no. */
    @Test
    void wrongSecretStopsAtTheFirstStepWithItsName() throws Exception {
        Proc.Result r = session(Map.of("AWS_SECRET_ACCESS_KEY", "not-the-secret"));
        assertNotEquals(0, r.exitCode(), r.describe());
        assertTrue(r.stderr().contains("SignatureDoesNotMatch"), r.describe());
        assertTrue(r.stderr().contains("awscli-v2-session: step 'mb' failed"), r.describe());
    }
}
