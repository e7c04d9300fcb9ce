package dev.cairn.perf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes the seeded bytes as files for nginx, under both path styles the simulations use:
 * {@code <root>/bench/<key>} (S3) and {@code <root>/o/b3:<hex>} (OAP, the address computed with
 * Cairn's own BLAKE3), so one static server answers either manifest.
 */
final class StaticSeeder {
    private StaticSeeder() {
    }

    /**
     * @param oapLargest objects above this size are left out of the OAP manifest (Cairn's
     *     {@code oap.max-body} refused them), so both servers get the same OAP workload
     * @return the manifests by API
     * @throws UncheckedIOException if a file cannot be written
     */
    static Map<Api, Manifest> seed(Path root, List<SeedObject> objects, int oapLargest) {
        Manifest s3 = new Manifest();
        Manifest oap = new Manifest();
        try {
            Path bucket = Files.createDirectories(root.resolve(SeedPlan.BUCKET));
            Path blobs = Files.createDirectories(root.resolve("o"));
            for (SeedObject object : objects) {
                byte[] bytes = object.bytes();
                String address = SeedObject.address(bytes);
                Files.write(bucket.resolve(object.key()), bytes);
                Files.write(blobs.resolve(address), bytes);
                s3.add(object, Manifest.s3Path(object));
                if (object.size() <= oapLargest) {
                    oap.add(object, Manifest.oapPath(address));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write nginx's files under " + root, e);
        }
        return Map.of(Api.S3, s3, Api.OAP, oap);
    }
}
