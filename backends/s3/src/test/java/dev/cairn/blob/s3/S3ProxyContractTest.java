package dev.cairn.blob.s3;

import dev.cairn.blob.BlobStore;
import java.nio.file.Path;

/**
 * The whole contract suite on S3Proxy 2.6.0, to catch what LocalStack's lenient validation lets
 * through. S3Proxy ignores conditional PUT headers, so the probe declares no conditional-write
 * capability and the base suite proves they are refused as UNSUPPORTED.
 */
class S3ProxyContractTest extends S3ContractTest {
    @Override
    protected BlobStore createStore(Path tempDir) {
        return S3ProxyServer.shared().open(tempDir);
    }
}
