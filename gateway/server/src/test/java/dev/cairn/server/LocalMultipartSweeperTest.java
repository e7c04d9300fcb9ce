package dev.cairn.server;

import dev.cairn.blob.BackendSettings;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.local.LocalBlobStoreProvider;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

class LocalMultipartSweeperTest extends MultipartSweeperContract {
    @TempDir
    Path dir;

    @Override
    BlobStore openStore() {
        return new LocalBlobStoreProvider().open(new BackendSettings(dir, Map.of("local.min-free", "1MiB", "local.fsync", "false")));
    }

    @Override
    int manyUploads() {
        // each upload is a directory and a record file; past two pages is enough to exercise the markers
        return 2_100;
    }
}
