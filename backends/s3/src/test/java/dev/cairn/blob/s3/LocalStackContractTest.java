package dev.cairn.blob.s3;

import dev.cairn.blob.BlobStore;
import dev.cairn.blob.testkit.ConditionalWriteContract;
import dev.cairn.fixtures.LocalStackServer;
import java.nio.file.Path;

/** The whole contract suite on LocalStack running on the host (the S3 backend's main lane). */
class LocalStackContractTest extends S3ContractTest implements ConditionalWriteContract {
    static S3Target target() {
        LocalStackServer ls = LocalStackServer.shared();
        return new S3Target("localstack", ls.endpoint(), LocalStackServer.ACCESS_KEY, LocalStackServer.SECRET_KEY,
                LocalStackServer.REGION, "cairn-contract").ensureBucket();
    }

    @Override
    protected BlobStore createStore(Path tempDir) {
        return target().open(tempDir);
    }
}
