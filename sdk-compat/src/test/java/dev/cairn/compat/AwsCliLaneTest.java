package dev.cairn.compat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The AWS CLI (v1, from PyPI) at its defaults through {@code AWS_ENDPOINT_URL}: {@code aws s3api}
 * for single operations and {@code aws s3} for the high-level commands people type. Memory
 * backend. Files stay under the CLI's 8 MiB multipart threshold.
 */
class AwsCliLaneTest extends ProgramLane {
    @Override
    String backend() {
        return "memory";
    }

    private Proc.Result fails(String... args) throws Exception {
        Proc.Result r = aws(Map.of(), args);
        assertNotEquals(0, r.exitCode(), String.join(" ", args) + "\n" + r.describe());
        return r;
    }

    @Test
    void buckets() throws Exception {
        String bucket = bucketName();
        awsOk("s3api", "create-bucket", "--bucket", bucket);
        awsOk("s3api", "head-bucket", "--bucket", bucket);
        assertTrue(awsOk("s3api", "list-buckets", "--query", "Buckets[].Name", "--output", "text").contains(bucket));
        assertTrue(awsOk("s3", "ls").contains(bucket));
        String location = awsOk("s3api", "get-bucket-location", "--bucket", bucket, "--output", "text").trim();
        assertTrue(location.equals("None") || location.equals(Gateway.REGION), location);
        assertTrue(fails("s3api", "create-bucket", "--bucket", bucket).stderr().contains("BucketAlreadyOwnedByYou"));
        assertTrue(awsOk("s3", "rb", "s3://" + bucket).contains("remove_bucket: " + bucket));
        assertTrue(fails("s3api", "head-bucket", "--bucket", bucket).stderr().contains("404"));
        String other = bucketName();
        assertTrue(awsOk("s3", "mb", "s3://" + other).contains("make_bucket: " + other));
        assertTrue(fails("s3api", "get-bucket-location", "--bucket", bucketName()).stderr().contains("NoSuchBucket"));
    }

    @Test
    void badCredentials() throws Exception {
        Proc.Result wrongSecret = aws(Map.of("AWS_SECRET_ACCESS_KEY", "not-the-secret"), "s3api", "list-buckets");
        assertTrue(wrongSecret.exitCode() != 0 && wrongSecret.stderr().contains("SignatureDoesNotMatch"), wrongSecret.describe());
        Proc.Result unknownKey = aws(Map.of("AWS_ACCESS_KEY_ID", "AKIDUNKNOWN000000000"), "s3", "ls");
        assertTrue(unknownKey.exitCode() != 0 && unknownKey.stderr().contains("InvalidAccessKeyId"), unknownKey.describe());
    }

    @Test
    void copyUpAndDownHeadRangeAndNoSuchKey() throws Exception {
        String bucket = bucketName();
        awsOk("s3", "mb", "s3://" + bucket);
        Map<String, byte[]> files = Map.of("small.txt", "hello, cairn".getBytes(StandardCharsets.UTF_8), "empty", new byte[0],
                "one-mib.bin", JavaSdkLane.bytes(1 << 20), "seven-mib.bin", JavaSdkLane.bytes(7 << 20));
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path local = Files.write(work.resolve(f.getKey()), f.getValue());
            awsOk("s3", "cp", local.toString(), "s3://" + bucket + "/in/" + f.getKey());
            assertTrue(awsOk("s3api", "head-object", "--bucket", bucket, "--key", "in/" + f.getKey(), "--query", "ContentLength", "--output", "text")
                    .trim().equals(Integer.toString(f.getValue().length)), f.getKey());
            Path back = work.resolve(f.getKey() + ".back");
            awsOk("s3", "cp", "s3://" + bucket + "/in/" + f.getKey(), back.toString());
            assertArrayEquals(f.getValue(), Files.readAllBytes(back), f.getKey());
        }
        Path part = work.resolve("range.bin");
        awsOk("s3api", "get-object", "--bucket", bucket, "--key", "in/one-mib.bin", "--range", "bytes=100-199", part.toString());
        assertArrayEquals(java.util.Arrays.copyOfRange(files.get("one-mib.bin"), 100, 200), Files.readAllBytes(part));
        assertTrue(fails("s3api", "get-object", "--bucket", bucket, "--key", "nope", work.resolve("x").toString()).stderr().contains("NoSuchKey"));
    }

    @Test
    void listCopyDeleteAndPresign() throws Exception {
        String bucket = bucketName();
        awsOk("s3", "mb", "s3://" + bucket);
        Path file = Files.writeString(work.resolve("f.txt"), "listed");
        for (String key : List.of("photos/2025/a.jpg", "photos/2026/b.jpg", "photos/top.jpg", "docs/readme.md")) {
            awsOk("s3", "cp", file.toString(), "s3://" + bucket + "/" + key);
        }
        String ls = awsOk("s3", "ls", "s3://" + bucket + "/photos/");
        assertTrue(ls.contains("PRE 2025/") && ls.contains("PRE 2026/") && ls.contains("top.jpg"), ls);
        assertEquals("photos/2025/a.jpg\tphotos/2026/b.jpg\tphotos/top.jpg", awsOk("s3api", "list-objects-v2", "--bucket", bucket,
                "--prefix", "photos/", "--query", "Contents[].Key", "--output", "text").trim());
        awsOk("s3api", "copy-object", "--bucket", bucket, "--key", "copy.jpg", "--copy-source", bucket + "/photos/top.jpg");
        // AWS CLI v1 presigns with query SigV2 unless s3.signature_version=s3v4 is configured;
        // Cairn verifies both forms.
        String legacy = awsOk("s3", "presign", "s3://" + bucket + "/copy.jpg", "--expires-in", "300").trim();
        assertTrue(legacy.contains("Signature=") && !legacy.contains("X-Amz-Signature"), legacy);
        HttpResponse<String> v2 = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(legacy)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, v2.statusCode(), v2.body());
        assertEquals("listed", v2.body());
        Path config = Files.writeString(work.resolve("aws-config"), "[default]\ns3 =\n    signature_version = s3v4\n");
        Proc.Result presigned = aws(Map.of("AWS_CONFIG_FILE", config.toString()), "s3", "presign", "s3://" + bucket + "/copy.jpg",
                "--expires-in", "300");
        assertEquals(0, presigned.exitCode(), presigned.describe());
        String url = presigned.stdout().trim();
        assertTrue(url.contains("X-Amz-Signature="), url);
        HttpResponse<String> fetched = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, fetched.statusCode(), fetched.body());
        assertEquals("listed", fetched.body());
        awsOk("s3", "rm", "s3://" + bucket + "/copy.jpg");
        awsOk("s3api", "delete-objects", "--bucket", bucket, "--delete", "{\"Objects\":[{\"Key\":\"docs/readme.md\"},{\"Key\":\"never\"}]}");
        assertTrue(awsOk("s3", "rm", "s3://" + bucket + "/photos/", "--recursive").contains("delete: s3://" + bucket + "/photos/top.jpg"));
        // The CLI's automatic pagination drops non-list fields such as KeyCount: ask for one page.
        assertEquals("0", awsOk("s3api", "list-objects-v2", "--bucket", bucket, "--no-paginate", "--query", "KeyCount", "--output", "text").trim());
        awsOk("s3", "rb", "s3://" + bucket);
    }

    /**
     * The profile docs/s3-compatibility.md tells people to write, used as written: endpoint and
     * region from the config file, keys from the credentials file, nothing from the environment.
     * A 9 MiB file goes up in one PUT only because of the profile's raised multipart threshold, and
     * the presigned URL is SigV4 only because of signature_version.
     */
    @Test
    void multipartCopyUpAndDown() throws Exception {
        // aws s3 cp switches to multipart above 8 MiB by default: 20 MiB goes up as 3 parts
        String bucket = bucketName();
        awsOk("s3", "mb", "s3://" + bucket);
        Path big = Files.write(work.resolve("twenty-mib.bin"), JavaSdkLane.bytes((20 << 20) + 77));
        awsOk("s3", "cp", big.toString(), "s3://" + bucket + "/big.bin");
        String etag = awsOk("s3api", "head-object", "--bucket", bucket, "--key", "big.bin", "--query", "ETag", "--output", "text").trim();
        assertTrue(etag.replace("\"", "").endsWith("-3"), etag);
        assertEquals("", awsOk("s3api", "list-multipart-uploads", "--bucket", bucket, "--query", "Uploads", "--output", "text").trim()
                .replace("None", ""), "no upload left behind");
        Path back = work.resolve("back.bin");
        awsOk("s3", "cp", "s3://" + bucket + "/big.bin", back.toString());
        assertEquals(-1, Files.mismatch(big, back));
        awsOk("s3", "rm", "s3://" + bucket + "/big.bin");
        awsOk("s3", "rb", "s3://" + bucket);
    }

    @Test
    void documentedProfile() throws Exception {
        Path config = Files.writeString(work.resolve("config"), String.join("\n", "[profile cairn]",
                "region = us-east-1",
                "endpoint_url = " + gateway.endpoint(),
                "s3 =",
                "    signature_version = s3v4",
                "    multipart_threshold = 5GB", ""));
        Path credentials = Files.writeString(work.resolve("credentials"), String.join("\n", "[cairn]",
                "aws_access_key_id = " + Gateway.ACCESS_KEY,
                "aws_secret_access_key = " + Gateway.SECRET_KEY, ""));
        Map<String, String> env = Map.of("AWS_CONFIG_FILE", config.toString(), "AWS_SHARED_CREDENTIALS_FILE", credentials.toString(),
                "AWS_EC2_METADATA_DISABLED", "true");
        String bucket = bucketName();
        Path nine = Files.write(work.resolve("nine-mib.bin"), JavaSdkLane.bytes(9 << 20));
        for (List<String> args : List.of(List.of("s3", "mb", "s3://" + bucket), List.of("s3", "cp", nine.toString(), "s3://" + bucket + "/nine-mib.bin"),
                List.of("s3", "cp", "s3://" + bucket + "/nine-mib.bin", work.resolve("nine.back").toString()))) {
            List<String> cmd = new ArrayList<>(List.of(Tools.venvProgram("aws").toString(), "--profile", "cairn"));
            cmd.addAll(args);
            Proc.Result r = Proc.run(work, env, cmd);
            assertEquals(0, r.exitCode(), args + "\n" + r.describe());
        }
        assertEquals(-1, Files.mismatch(nine, work.resolve("nine.back")));
        Proc.Result presign = Proc.run(work, env, List.of(Tools.venvProgram("aws").toString(), "--profile", "cairn", "s3", "presign",
                "s3://" + bucket + "/nine-mib.bin"));
        assertEquals(0, presign.exitCode(), presign.describe());
        HttpResponse<byte[]> fetched = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(presign.stdout().trim())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, fetched.statusCode());
        assertArrayEquals(Files.readAllBytes(nine), fetched.body());
    }
}
