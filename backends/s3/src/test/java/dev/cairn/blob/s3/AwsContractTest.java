package dev.cairn.blob.s3;

import dev.cairn.blob.BackendSettings;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.testkit.ConditionalWriteContract;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The whole contract suite against real AWS S3, switched on by {@code CAIRN_IT_AWS_BUCKET} (an
 * existing bucket the credentials may write to; {@code CAIRN_IT_AWS_REGION} defaults to
 * us-east-1). Credentials come from the AWS default chain ({@code AWS_ACCESS_KEY_ID} /
 * {@code AWS_SECRET_ACCESS_KEY}, a profile, or a role). Each test works under its own
 * {@code cairn-it/<uuid>/} prefix; objects it leaves behind are small. Without the variable JUnit
 * reports the class skipped with the variable's name.
 */
@EnabledIfEnvironmentVariable(named = "CAIRN_IT_AWS_BUCKET", matches = ".+",
        disabledReason = "real-AWS lane off: set CAIRN_IT_AWS_BUCKET (and AWS credentials) to run it")
class AwsContractTest extends S3ContractTest implements ConditionalWriteContract {
    @Override
    protected BlobStore createStore(Path tempDir) {
        String region = System.getenv().getOrDefault("CAIRN_IT_AWS_REGION", "us-east-1");
        return new S3BlobStoreProvider().open(new BackendSettings(tempDir, Map.of(
                S3BlobStoreProvider.BUCKET, System.getenv("CAIRN_IT_AWS_BUCKET"),
                S3BlobStoreProvider.PREFIX, "cairn-it/" + UUID.randomUUID() + "/",
                S3BlobStoreProvider.REGION, region)));
    }
}
