package dev.cairn.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** A lane whose client is a program: one gateway per class, one scratch directory per test. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ProgramLane {
    Gateway gateway;

    @TempDir
    Path work;

    abstract String backend();

    /** Further gateway settings for this lane. */
    Map<String, String> settings() {
        return Map.of();
    }

    @BeforeAll
    void startGateway(@TempDir Path dataDir) {
        gateway = Gateway.start(backend(), dataDir, settings());
    }

    @AfterAll
    void stopGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    /** What every AWS client reads: credentials, region and the endpoint, nothing from the user's files. */
    Map<String, String> awsEnvironment() {
        return Map.of("AWS_ACCESS_KEY_ID", Gateway.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", Gateway.SECRET_KEY,
                "AWS_DEFAULT_REGION", Gateway.REGION, "AWS_ENDPOINT_URL", gateway.endpoint().toString(),
                "AWS_CONFIG_FILE", work.resolve("no-aws-config").toString(),
                "AWS_SHARED_CREDENTIALS_FILE", work.resolve("no-aws-credentials").toString(),
                "AWS_EC2_METADATA_DISABLED", "true");
    }

    /** The venv's AWS CLI v1 with {@link #awsEnvironment}, {@code envOverrides} on top. */
    Proc.Result aws(Map<String, String> envOverrides, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Tools.venvProgram("aws").toString());
        cmd.addAll(List.of(args));
        Map<String, String> env = new HashMap<>(awsEnvironment());
        env.putAll(envOverrides);
        return Proc.run(work, env, cmd);
    }

    /** {@link #aws} that must succeed; its standard output. */
    String awsOk(String... args) throws Exception {
        Proc.Result r = aws(Map.of(), args);
        assertEquals(0, r.exitCode(), String.join(" ", args) + "\n" + r.describe());
        return r.stdout();
    }

    static String bucketName() {
        return "lane-" + UUID.randomUUID().toString().substring(0, 13);
    }
}
