package dev.cairn.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Parses every .tf file of terraform/aws and terraform/gcp with python-hcl2 and checks the security properties
 * (AwsModuleRules, GcpModuleRules); then breaks one property at a time in a copy and expects the check to name it.
 */
class TerraformSecurityTest {
    @TempDir
    Path tmp;

    @Test
    void awsModuleKeepsEverySecurityProperty() {
        assertEquals(List.of(), AwsModuleRules.check(HclModule.parse(TerraformTools.terraformDir().resolve("aws"))));
    }

    @Test
    void gcpModuleKeepsEverySecurityProperty() {
        assertEquals(List.of(), GcpModuleRules.check(HclModule.parse(TerraformTools.terraformDir().resolve("gcp"))));
    }

    static Stream<Arguments> brokenAws() {
        return Stream.of(
                broken("public access block off", "must set restrict_public_buckets = true",
                        c -> c.replace("storage.tf", "restrict_public_buckets = true", "restrict_public_buckets = false")),
                broken("bucket ACL", "aws_s3_bucket_acl is declared",
                        c -> c.append("storage.tf", "resource \"aws_s3_bucket_acl\" \"x\" {\n  bucket = aws_s3_bucket.data.id\n  acl    = \"public-read\"\n}")),
                broken("no encryption", "no default server-side encryption",
                        c -> c.replace("storage.tf", "sse_algorithm\\s*=[^\\n]*", "sse_algorithm = var.sse")),
                broken("no abort rule", "aborts stale multipart uploads",
                        c -> c.replace("storage.tf", "abort_incomplete_multipart_upload \\{", "noncurrent_version_transition {")),
                broken("no TLS-only bucket policy", "denies requests without TLS",
                        c -> c.replace("storage.tf", "\"aws:SecureTransport\"", "\"aws:PrincipalIsAWSService\"")),
                broken("plain HTTP listener", "must be HTTPS on 443",
                        c -> c.replace("alb.tf", "protocol\\s*=\\s*\"HTTPS\"", "protocol = \"HTTP\"")),
                broken("weak TLS policy", "TLS 1.2+ forward-secret policy",
                        c -> c.replace("variables.tf", "\"ELBSecurityPolicy-TLS13-1-2-2021-06\"", "\"ELBSecurityPolicy-2016-08\"")),
                broken("internet-facing by default", "internet_facing must default to false",
                        c -> c.replace("variables.tf", "(variable \"internet_facing\" \\{[^}]*default\\s*=\\s*)false", "$1true")),
                broken("ALB always public", "must be internal unless internet_facing",
                        c -> c.replace("alb.tf", "internal\\s*=\\s*!var.internet_facing", "internal = false")),
                broken("world-open ingress", "opens ingress to 0.0.0.0/0",
                        c -> c.replace("network.tf", "cidr_ipv4\\s*=\\s*each.value", "cidr_ipv4 = \"0.0.0.0/0\"")),
                broken("ingress on another port", "only 443 may be",
                        c -> c.replace("network.tf", "from_port\\s*=\\s*443", "from_port = 22")),
                broken("no 0.0.0.0/0 guard", "must refuse 0.0.0.0/0",
                        c -> c.replace("variables.tf", "var.internet_facing \\|\\| !contains\\(var.ingress_cidrs, \"0.0.0.0/0\"\\)", "true")),
                broken("public task IPs", "must not assign public IPs",
                        c -> c.replace("ecs.tf", "assign_public_ip = false", "assign_public_ip = true")),
                broken("wildcard resource", "wildcard resource",
                        c -> c.replace("iam.tf", "resources = \\[local.object_arn\\]", "resources = [\"*\"]")),
                broken("another bucket", "outside aws_s3_bucket.data",
                        c -> c.replace("iam.tf", "resources = \\[local.object_arn\\]", "resources = [\"arn:aws:s3:::other-bucket/*\"]")),
                broken("wildcard action", "wildcard action s3:*",
                        c -> c.replace("iam.tf", "\"s3:GetObject\",", "\"s3:*\",")),
                broken("object ARN outside bucket", "local.object_arn must be a path inside",
                        c -> c.replace("locals.tf", "object_arn = \"\\$\\{aws_s3_bucket.data.arn\\}/", "object_arn = \"arn:aws:s3:::*/")),
                broken("managed S3 policy on task role", "not on the allowed list",
                        c -> c.append("iam.tf", "resource \"aws_iam_role_policy_attachment\" \"s3\" {\n  role       = aws_iam_role.task.name\n  policy_arn = \"arn:aws:iam::aws:policy/AmazonS3FullAccess\"\n}")),
                broken("secret in plain env", "holds the secret CAIRN_SECRET_KEY",
                        c -> c.replace("locals.tf", "CAIRN_BACKEND", "CAIRN_SECRET_KEY = random_password.gateway[\"CAIRN_SECRET_KEY\"].result\n      CAIRN_BACKEND")),
                broken("secrets not passed as ECS secrets", "must pass local.secret_keys as ECS secrets",
                        c -> c.replace("ecs.tf", "secrets = \\[for k in local.secret_keys", "environment2 = [for k in local.secret_keys")),
                broken("readiness not checked", "must health-check /readyz",
                        c -> c.replace("alb.tf", "path\\s*=\\s*\"/readyz\"", "path = \"/\"")));
    }

    static Stream<Arguments> brokenGcp() {
        return Stream.of(
                broken("public access prevention inherited", "public_access_prevention = \"enforced\"",
                        c -> c.replace("storage.tf", "public_access_prevention\\s*=\\s*\"enforced\"", "public_access_prevention = \"inherited\"")),
                broken("fine-grained ACLs", "uniform_bucket_level_access = true",
                        c -> c.replace("storage.tf", "uniform_bucket_level_access\\s*=\\s*true", "uniform_bucket_level_access = false")),
                broken("public bucket reader", "to the public",
                        c -> c.append("iam.tf", "resource \"google_storage_bucket_iam_member\" \"world\" {\n  bucket = google_storage_bucket.data.name\n  role   = \"roles/storage.objectViewer\"\n  member = \"allUsers\"\n}")),
                broken("project-wide grant", "no project-, folder- or org-wide grant",
                        c -> c.append("iam.tf", "resource \"google_project_iam_member\" \"x\" {\n  project = var.project\n  role    = \"roles/storage.objectAdmin\"\n  member  = \"serviceAccount:${google_service_account.gateway.email}\"\n}")),
                broken("bucket admin role", "only object roles",
                        c -> c.replace("iam.tf", "role\\s*=\\s*\"roles/storage.objectUser\"", "role = \"roles/storage.admin\"")),
                broken("grant on another bucket", "not google_storage_bucket.data",
                        c -> c.replace("iam.tf", "bucket = google_storage_bucket.data.name", "bucket = \"other-bucket\"")),
                broken("no abort rule", "aborts stale multipart uploads",
                        c -> c.replace("storage.tf", "AbortIncompleteMultipartUpload", "Delete")),
                broken("allUsers invoker always", "to the public",
                        c -> c.replace("iam.tf", "count = var.allow_unauthenticated \\? 1 : 0", "count = 1")),
                broken("unauthenticated by default", "to the public",
                        c -> c.replace("variables.tf", "(variable \"allow_unauthenticated\" \\{[^}]*default\\s*=\\s*)false", "$1true")),
                broken("internet ingress by default", "must default to INGRESS_TRAFFIC_INTERNAL_ONLY",
                        c -> c.replace("variables.tf", "default     = \"INGRESS_TRAFFIC_INTERNAL_ONLY\"", "default = \"INGRESS_TRAFFIC_ALL\"")),
                broken("ingress hard-wired to all", "sets ingress = INGRESS_TRAFFIC_ALL",
                        c -> c.replace("run.tf", "ingress\\s*=\\s*var.ingress", "ingress = \"INGRESS_TRAFFIC_ALL\"")),
                broken("secret in plain env", "holds the secret CAIRN_SECRET_KEY",
                        c -> c.replace("locals.tf", "CAIRN_BACKEND", "CAIRN_SECRET_KEY = random_password.gateway[\"CAIRN_SECRET_KEY\"].result\n      CAIRN_BACKEND")),
                broken("secret value as plain env", "puts a secret into plain env",
                        c -> c.replace("run.tf", "value\\s*=\\s*env.value\n", "value = random_password.gateway[env.key].result\n")),
                broken("no Secret Manager reference", "secret_key_ref",
                        c -> c.replace("run.tf", "secret_key_ref \\{", "other_ref {")),
                broken("default compute identity", "must run as the gateway's service account",
                        c -> c.replace("run.tf", "service_account\\s*=\\s*google_service_account.gateway.email", "service_account = null")));
    }

    private static Arguments broken(String what, String expected, UnaryOperator<ModuleCopy> edit) {
        return Arguments.of(what, expected, edit);
    }

    @ParameterizedTest(name = "aws: {0}")
    @MethodSource("brokenAws")
    void awsCheckReportsABrokenCopy(String what, String expected, UnaryOperator<ModuleCopy> edit) {
        assertReported(expected, edit, "aws", AwsModuleRules::check);
    }

    @ParameterizedTest(name = "gcp: {0}")
    @MethodSource("brokenGcp")
    void gcpCheckReportsABrokenCopy(String what, String expected, UnaryOperator<ModuleCopy> edit) {
        assertReported(expected, edit, "gcp", GcpModuleRules::check);
    }

    private void assertReported(String expected, UnaryOperator<ModuleCopy> edit, String module,
            Function<HclModule, List<String>> rules) {
        ModuleCopy copy = edit.apply(ModuleCopy.of(TerraformTools.terraformDir().resolve(module), tmp.resolve(module)));
        List<String> violations = rules.apply(HclModule.parse(copy.dir()));
        assertTrue(violations.stream().anyMatch(v -> v.contains(expected)),
                "expected a violation containing '" + expected + "', got " + violations);
    }
}
