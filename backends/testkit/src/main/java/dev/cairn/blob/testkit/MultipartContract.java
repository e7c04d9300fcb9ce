package dev.cairn.blob.testkit;

import dev.cairn.blob.SupportsMultipart;

/**
 * Proof of {@link SupportsMultipart}: completion ({@link MultipartCompletionContract}), refusals
 * ({@link MultipartErrorContract}), listings ({@link MultipartListingContract}) and flexible
 * checksums ({@link MultipartChecksumContract}). The tests
 * complete with a small minimum part size ({@link MultipartFixture#minPart()}), which is the
 * caller's argument, so they stay fast.
 *
 * <p>A test class implements this interface exactly when its store implements
 * {@link SupportsMultipart}; {@link AbstractBlobStoreContractTest} checks that.
 */
public interface MultipartContract
        extends MultipartCompletionContract, MultipartErrorContract, MultipartListingContract, MultipartChecksumContract {
}
