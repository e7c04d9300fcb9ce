package dev.cairn.blob.s3;

import dev.cairn.blob.BlobStore;
import dev.cairn.blob.testkit.ConditionalWriteContract;
import java.nio.file.Path;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The contract suite on LocalStack in Docker (the image of the same version as the host lane's
 * localstack-core). An extra for machines with Docker: without a Docker engine JUnit reports it
 * skipped; it never replaces {@link LocalStackContractTest}, which runs everywhere.
 */
@Testcontainers(disabledWithoutDocker = true)
class TestcontainersLocalStackContractTest extends S3ContractTest implements ConditionalWriteContract {
    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.13.1"));

    @Override
    protected BlobStore createStore(Path tempDir) {
        return new S3Target("testcontainers", LOCALSTACK.getEndpoint(), LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey(),
                LOCALSTACK.getRegion(), "cairn-contract").ensureBucket().open(tempDir);
    }
}
