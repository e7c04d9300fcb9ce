package dev.cairn.compat;

import java.nio.file.Path;
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

    @BeforeAll
    void startGateway(@TempDir Path dataDir) {
        gateway = Gateway.start(backend(), dataDir, Map.of());
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

    static String bucketName() {
        return "lane-" + UUID.randomUUID().toString().substring(0, 13);
    }
}
