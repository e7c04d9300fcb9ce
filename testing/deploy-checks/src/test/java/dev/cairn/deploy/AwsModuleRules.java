package dev.cairn.deploy;

import static dev.cairn.deploy.HclModule.blocks;
import static dev.cairn.deploy.HclModule.text;
import static dev.cairn.deploy.HclModule.texts;

import com.google.gson.JsonObject;
import dev.cairn.deploy.HclModule.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The security properties terraform/aws must keep, checked on its parsed HCL: nothing public by default, TLS only,
 * the task role scoped to the one bucket, encryption on, secrets never in plain environment variables.
 * {@link #check} returns one line per broken property; an empty list means all hold.
 */
final class AwsModuleRules {
    /** Managed policies the module may attach, and only to the execution role. */
    private static final Set<String> ALLOWED_MANAGED_POLICIES =
            Set.of("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy");
    private static final Set<String> OPEN_CIDRS = Set.of("0.0.0.0/0", "::/0");

    private final HclModule m;
    private final List<String> violations = new ArrayList<>();

    private AwsModuleRules(HclModule m) {
        this.m = m;
    }

    static List<String> check(HclModule module) {
        AwsModuleRules r = new AwsModuleRules(module);
        r.bucket();
        r.iam();
        r.tls();
        r.network();
        r.secrets();
        return r.violations;
    }

    private void fail(String message) {
        violations.add(message);
    }

    private static boolean refersTo(String expression, String address) {
        return expression != null && expression.contains(address);
    }

    private List<Block> forBucket(String type, String bucket) {
        return m.resources(type).stream().filter(b -> refersTo(text(b.body(), "bucket"), bucket + ".")).toList();
    }

    // --- storage: one bucket, private, encrypted, TLS-only policy, stale uploads aborted

    private void bucket() {
        List<Block> buckets = m.resources("aws_s3_bucket");
        if (buckets.size() != 1) {
            fail("expected exactly one aws_s3_bucket, found " + buckets.size());
        }
        if (!m.resources("aws_s3_bucket_acl").isEmpty()) {
            fail("aws_s3_bucket_acl is declared: ACLs must stay disabled (BucketOwnerEnforced)");
        }
        for (Block b : buckets) {
            String ref = b.address();
            String acl = text(b.body(), "acl");
            if (acl != null && !acl.equals("private")) {
                fail(ref + " sets acl = " + acl);
            }
            publicAccessBlock(ref);
            encryption(ref);
            if (forBucket("aws_s3_bucket_lifecycle_configuration", ref).stream()
                    .flatMap(l -> blocks(l.body(), "rule").stream())
                    .noneMatch(rule -> !blocks(rule, "abort_incomplete_multipart_upload").isEmpty()
                            && "Enabled".equals(text(rule, "status")))) {
                fail(ref + " has no enabled lifecycle rule that aborts stale multipart uploads");
            }
            tlsOnlyBucketPolicy(ref);
        }
    }

    private void publicAccessBlock(String bucket) {
        List<Block> pabs = forBucket("aws_s3_bucket_public_access_block", bucket);
        if (pabs.isEmpty()) {
            fail(bucket + " has no public access block");
        }
        for (Block pab : pabs) {
            for (String flag : List.of("block_public_acls", "block_public_policy", "ignore_public_acls",
                    "restrict_public_buckets")) {
                if (!"true".equals(text(pab.body(), flag))) {
                    fail(pab.address() + " (public access block) must set " + flag + " = true, not "
                            + text(pab.body(), flag));
                }
            }
        }
    }

    private void encryption(String bucket) {
        boolean encrypted = forBucket("aws_s3_bucket_server_side_encryption_configuration", bucket).stream()
                .flatMap(e -> blocks(e.body(), "rule").stream())
                .flatMap(rule -> blocks(rule, "apply_server_side_encryption_by_default").stream())
                .map(d -> text(d, "sse_algorithm"))
                .anyMatch(alg -> alg != null && (alg.contains("AES256") || alg.contains("aws:kms")));
        if (!encrypted) {
            fail(bucket + " has no default server-side encryption (AES256 or aws:kms)");
        }
    }

    private void tlsOnlyBucketPolicy(String bucket) {
        boolean denies = forBucket("aws_s3_bucket_policy", bucket).stream()
                .map(p -> policyDocument(text(p.body(), "policy")))
                .flatMap(doc -> doc == null ? Stream.<JsonObject>empty() : blocks(doc, "statement").stream())
                .anyMatch(s -> "Deny".equals(text(s, "effect")) && blocks(s, "condition").stream()
                        .anyMatch(c -> "aws:SecureTransport".equals(text(c, "variable"))
                                && texts(c, "values").contains("false")));
        if (!denies) {
            fail(bucket + " has no bucket policy that denies requests without TLS (aws:SecureTransport = false)");
        }
    }

    /** The body of the aws_iam_policy_document an expression like ${data.aws_iam_policy_document.X.json} names. */
    private JsonObject policyDocument(String expression) {
        if (expression == null) {
            return null;
        }
        for (Block d : m.dataSources("aws_iam_policy_document")) {
            if (expression.contains("data.aws_iam_policy_document." + d.name() + ".json")) {
                return d.body();
            }
        }
        return null;
    }

    // --- IAM: least privilege, the task role on the one bucket only

    private void iam() {
        String bucketArn = "${aws_s3_bucket.data.arn";
        String objectArn = m.local("object_arn");
        if (objectArn == null || !objectArn.startsWith(bucketArn + "}/")) {
            fail("local.object_arn must be a path inside aws_s3_bucket.data, not " + objectArn);
        }
        for (Block doc : m.dataSources("aws_iam_policy_document")) {
            for (JsonObject s : blocks(doc.body(), "statement")) {
                statement(doc.address(), s, bucketArn);
            }
        }
        for (Block p : m.resources("aws_iam_role_policy")) {
            if (policyDocument(text(p.body(), "policy")) == null) {
                fail(p.address() + " must take its policy from an aws_iam_policy_document (so it is checked here)");
            }
        }
        for (String type : List.of("aws_iam_policy", "aws_iam_policy_attachment", "aws_iam_user",
                "aws_iam_access_key", "aws_iam_user_policy")) {
            m.resources(type).forEach(b -> fail(b.address() + " is declared: the module grants only role policies"));
        }
        for (Block a : m.resources("aws_iam_role_policy_attachment")) {
            String arn = text(a.body(), "policy_arn");
            if (!ALLOWED_MANAGED_POLICIES.contains(arn)) {
                fail(a.address() + " attaches " + arn + ", which is not on the allowed list");
            }
            if (!refersTo(text(a.body(), "role"), "aws_iam_role.execution.")) {
                fail(a.address() + " attaches a managed policy to a role other than the execution role");
            }
        }
    }

    private void statement(String doc, JsonObject s, String bucketArn) {
        if ("Deny".equals(text(s, "effect"))) {
            return;
        }
        for (JsonObject p : blocks(s, "principals")) {
            if (texts(p, "identifiers").contains("*")) {
                fail(doc + " allows the public principal \"*\"");
            }
        }
        List<String> actions = texts(s, "actions");
        for (String a : actions) {
            if (a.equals("*") || a.endsWith(":*")) {
                fail(doc + " allows the wildcard action " + a);
            }
        }
        List<String> resources = texts(s, "resources");
        if (resources.contains("*")) {
            fail(doc + " allows " + actions + " on the wildcard resource \"*\"");
        }
        if (actions.stream().anyMatch(a -> a.startsWith("s3:"))) {
            for (String r : resources) {
                if (!r.startsWith(bucketArn) && !r.equals("${local.object_arn}")) {
                    fail(doc + " allows " + actions + " on " + r + ", outside aws_s3_bucket.data");
                }
            }
        }
    }

    // --- TLS: HTTPS listener only, a TLS 1.2+ policy

    private void tls() {
        List<Block> listeners = m.resources("aws_lb_listener");
        if (listeners.isEmpty()) {
            fail("no aws_lb_listener");
        }
        for (Block l : listeners) {
            JsonObject b = l.body();
            if (!"HTTPS".equals(text(b, "protocol")) || !"443".equals(text(b, "port"))) {
                fail(l.address() + " must be HTTPS on 443, not " + text(b, "protocol") + " on " + text(b, "port"));
            }
            if (text(b, "certificate_arn") == null || text(b, "ssl_policy") == null) {
                fail(l.address() + " needs certificate_arn and ssl_policy");
            }
        }
        String policy = m.variableDefault("ssl_policy");
        if (policy == null || !(policy.startsWith("ELBSecurityPolicy-TLS13-") || policy.startsWith("ELBSecurityPolicy-FS-1-2"))) {
            fail("variable ssl_policy must default to a TLS 1.2+ forward-secret policy, not " + policy);
        }
        for (Block tg : m.resources("aws_lb_target_group")) {
            if (blocks(tg.body(), "health_check").stream().noneMatch(h -> "/readyz".equals(text(h, "path")))) {
                fail(tg.address() + " must health-check /readyz");
            }
        }
    }

    // --- network: internal by default, 443 from chosen CIDRs only, tasks without public IPs

    private void network() {
        if (!"false".equals(m.variableDefault("internet_facing"))) {
            fail("variable internet_facing must default to false");
        }
        for (Block lb : m.resources("aws_lb")) {
            if (!"${!var.internet_facing}".equals(text(lb.body(), "internal"))) {
                fail(lb.address() + " must be internal unless internet_facing: internal = " + text(lb.body(), "internal"));
            }
            if (!"true".equals(text(lb.body(), "drop_invalid_header_fields"))) {
                fail(lb.address() + " must drop invalid header fields");
            }
        }
        String cidrChecks = m.variableValidations("ingress_cidrs");
        if (!cidrChecks.contains("var.internet_facing") || !cidrChecks.contains("0.0.0.0/0")) {
            fail("variable ingress_cidrs must refuse 0.0.0.0/0 unless internet_facing is true");
        }
        for (Block r : m.resources("aws_vpc_security_group_ingress_rule")) {
            ingress(r.address(), r.body(), texts(r.body(), "cidr_ipv4"), texts(r.body(), "cidr_ipv6"));
            boolean fromCidr = r.body().has("cidr_ipv4") || r.body().has("cidr_ipv6");
            if (fromCidr && !refersTo(text(r.body(), "security_group_id"), "aws_security_group.alb.")) {
                fail(r.address() + " opens a CIDR on a security group other than the ALB's");
            }
        }
        for (Block r : m.resources("aws_security_group_rule")) {
            if ("ingress".equals(text(r.body(), "type"))) {
                ingress(r.address(), r.body(), texts(r.body(), "cidr_blocks"), texts(r.body(), "ipv6_cidr_blocks"));
            }
        }
        for (Block sg : m.resources("aws_security_group")) {
            for (JsonObject in : blocks(sg.body(), "ingress")) {
                ingress(sg.address() + " (inline ingress)", in, texts(in, "cidr_blocks"), texts(in, "ipv6_cidr_blocks"));
            }
        }
        for (Block svc : m.resources("aws_ecs_service")) {
            if (blocks(svc.body(), "network_configuration").stream()
                    .anyMatch(n -> !"false".equals(text(n, "assign_public_ip")))) {
                fail(svc.address() + " must not assign public IPs to tasks");
            }
        }
    }

    private void ingress(String where, JsonObject rule, List<String> v4, List<String> v6) {
        List<String> cidrs = new ArrayList<>(v4);
        cidrs.addAll(v6);
        for (String c : cidrs) {
            if (OPEN_CIDRS.contains(c)) {
                fail(where + " opens ingress to " + c + " in the module itself (only the operator may, via ingress_cidrs)");
            }
        }
        if (!cidrs.isEmpty() && !("443".equals(text(rule, "from_port")) && "443".equals(text(rule, "to_port")))) {
            fail(where + " opens ports " + text(rule, "from_port") + "-" + text(rule, "to_port")
                    + " to CIDRs; only 443 may be");
        }
    }

    // --- secrets: Secrets Manager through ECS `secrets`, never plain environment

    private void secrets() {
        violations.addAll(PlainEnvRules.check(m));
        String env = m.local("environment");
        if (env != null && (env.contains("random_password") || env.contains("aws_secretsmanager_secret"))) {
            fail("local.environment (plain env) holds a secret value");
        }
        for (Block td : m.resources("aws_ecs_task_definition")) {
            String defs = text(td.body(), "container_definitions");
            if (defs == null || !defs.contains("secrets = [for k in local.secret_keys")
                    || !defs.contains("valueFrom = \"${aws_secretsmanager_secret.")) {
                fail(td.address() + " must pass local.secret_keys as ECS secrets (valueFrom a Secrets Manager ARN)");
            }
            if (defs != null && (defs.contains("random_password") || defs.contains("secret_string"))) {
                fail(td.address() + " puts a secret value into the container definition");
            }
        }
        if (m.resources("aws_secretsmanager_secret").isEmpty()) {
            fail("no aws_secretsmanager_secret holds the gateway credentials");
        }
    }
}
