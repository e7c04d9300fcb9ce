package dev.cairn.compat;

import dev.cairn.blob.BackendSettings;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.BlobStoreProvider;
import dev.cairn.blob.ForwardingMultipartBlobStore;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.WritePrecondition;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.blob.memory.MemoryBlobStoreProvider;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Test-only backend {@code slow-complete} (registered for the lanes' classpath only): the memory
 * store whose CompleteMultipartUpload takes {@code slow-complete.delay} longer, so program lanes
 * can watch a real client live through the gateway's keep-alive whitespace.
 */
public final class SlowCompleteStoreProvider implements BlobStoreProvider {
    static final String NAME = "slow-complete";
    static final String DELAY = "slow-complete.delay";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<BackendSettings.Option> options() {
        return List.of(new BackendSettings.Option(DELAY, "2s", "extra time every CompleteMultipartUpload takes (tests only)"));
    }

    /** @throws IllegalArgumentException for a delay that is not a duration */
    @Override
    public BlobStore open(BackendSettings settings) {
        String text = settings.string(DELAY, "2s");
        Duration delay = text.endsWith("ms") ? Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)))
                : Duration.parse("PT" + text.toUpperCase(java.util.Locale.ROOT));
        return new ForwardingMultipartBlobStore(new MemoryBlobStoreProvider().open(settings)) {
            @Override
            public ObjectInfo completeMultipartUpload(BlobKey key, String uploadId, List<CompletedPart> parts,
                    WritePrecondition precondition, long minPartSize, Map<ChecksumAlgorithm, String> expectedChecksums) {
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("slow completion interrupted", e);
                }
                return super.completeMultipartUpload(key, uploadId, parts, precondition, minPartSize, expectedChecksums);
            }
        };
    }
}
