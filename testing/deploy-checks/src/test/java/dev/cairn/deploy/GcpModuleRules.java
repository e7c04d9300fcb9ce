package dev.cairn.deploy;

import static dev.cairn.deploy.HclModule.blocks;
import static dev.cairn.deploy.HclModule.text;
import static dev.cairn.deploy.HclModule.texts;

import com.google.gson.JsonObject;
import dev.cairn.deploy.HclModule.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The security properties terraform/gcp must keep, checked on its parsed HCL: a private bucket with uniform access,
 * no project-wide grants, the service account on the one bucket only, an internal service unless the operator opts
 * in, secrets only through Secret Manager references. {@link #check} returns one line per broken property.
 */
final class GcpModuleRules {
    private static final Set<String> PUBLIC_MEMBERS = Set.of("allUsers", "allAuthenticatedUsers");
    private static final Set<String> BUCKET_ROLES =
            Set.of("roles/storage.objectUser", "roles/storage.objectAdmin", "roles/storage.objectViewer");
    private static final String GATEWAY_SA = "${google_service_account.gateway.email}";

    private final HclModule m;
    private final List<String> violations = new ArrayList<>();

    private GcpModuleRules(HclModule m) {
        this.m = m;
    }

    static List<String> check(HclModule module) {
        GcpModuleRules r = new GcpModuleRules(module);
        r.bucket();
        r.iam();
        r.service();
        r.secrets();
        return r.violations;
    }

    private void fail(String message) {
        violations.add(message);
    }

    private void bucket() {
        List<Block> buckets = m.resources("google_storage_bucket");
        if (buckets.size() != 1) {
            fail("expected exactly one google_storage_bucket, found " + buckets.size());
        }
        for (String type : List.of("google_storage_bucket_acl", "google_storage_default_object_acl",
                "google_storage_object_acl", "google_storage_default_object_access_control",
                "google_storage_object_access_control", "google_storage_bucket_access_control")) {
            m.resources(type).forEach(b -> fail(b.address() + " is declared: ACLs are off (uniform bucket-level access)"));
        }
        for (Block b : buckets) {
            if (!"true".equals(text(b.body(), "uniform_bucket_level_access"))) {
                fail(b.address() + " must set uniform_bucket_level_access = true");
            }
            if (!"enforced".equals(text(b.body(), "public_access_prevention"))) {
                fail(b.address() + " must set public_access_prevention = \"enforced\", not "
                        + text(b.body(), "public_access_prevention"));
            }
            boolean aborts = blocks(b.body(), "lifecycle_rule").stream()
                    .flatMap(r -> blocks(r, "action").stream())
                    .anyMatch(a -> "AbortIncompleteMultipartUpload".equals(text(a, "type")));
            if (!aborts) {
                fail(b.address() + " has no lifecycle rule that aborts stale multipart uploads");
            }
        }
    }

    private void iam() {
        for (Block r : m.resources()) {
            String type = r.type();
            if (type.startsWith("google_project_iam") || type.startsWith("google_organization_iam")
                    || type.startsWith("google_folder_iam") || type.equals("google_service_account_key")) {
                fail(r.address() + " is declared: the gateway gets no project-, folder- or org-wide grant or key");
            }
            if (type.contains("_iam_")) {
                List<String> members = new ArrayList<>(texts(r.body(), "member"));
                members.addAll(texts(r.body(), "members"));
                if (members.stream().anyMatch(PUBLIC_MEMBERS::contains) && !optInPublicInvoker(r)) {
                    fail(r.address() + " grants " + text(r.body(), "role") + " to the public (" + members + ")");
                }
            }
        }
        List<Block> bucketGrants = new ArrayList<>();
        for (String type : List.of("google_storage_bucket_iam_member", "google_storage_bucket_iam_binding",
                "google_storage_bucket_iam_policy")) {
            bucketGrants.addAll(m.resources(type));
        }
        if (bucketGrants.isEmpty()) {
            fail("the gateway's service account has no grant on the bucket");
        }
        for (Block g : bucketGrants) {
            String role = text(g.body(), "role");
            if (!BUCKET_ROLES.contains(role)) {
                fail(g.address() + " grants " + role + "; only object roles (" + BUCKET_ROLES + ") are allowed");
            }
            if (!"${google_storage_bucket.data.name}".equals(text(g.body(), "bucket"))) {
                fail(g.address() + " grants on " + text(g.body(), "bucket") + ", not google_storage_bucket.data");
            }
            if (!("serviceAccount:" + GATEWAY_SA).equals(text(g.body(), "member"))) {
                fail(g.address() + " grants to " + text(g.body(), "member") + ", not the gateway's service account");
            }
        }
    }

    /** allUsers as Cloud Run invoker exists only behind allow_unauthenticated, which defaults to false. */
    private boolean optInPublicInvoker(Block r) {
        return r.type().equals("google_cloud_run_v2_service_iam_member")
                && "roles/run.invoker".equals(text(r.body(), "role"))
                && "${var.allow_unauthenticated ? 1 : 0}".equals(text(r.body(), "count"))
                && "false".equals(m.variableDefault("allow_unauthenticated"));
    }

    private void service() {
        List<Block> services = m.resources("google_cloud_run_v2_service");
        if (services.size() != 1) {
            fail("expected exactly one google_cloud_run_v2_service, found " + services.size());
        }
        if (!"INGRESS_TRAFFIC_INTERNAL_ONLY".equals(m.variableDefault("ingress"))) {
            fail("variable ingress must default to INGRESS_TRAFFIC_INTERNAL_ONLY, not " + m.variableDefault("ingress"));
        }
        if (!m.variableValidations("ingress").contains("var.public")) {
            fail("variable ingress must refuse INGRESS_TRAFFIC_ALL unless public is true");
        }
        if (!"false".equals(m.variableDefault("public"))) {
            fail("variable public must default to false");
        }
        for (Block s : services) {
            String ingress = text(s.body(), "ingress");
            if (!"${var.ingress}".equals(ingress) && !"INGRESS_TRAFFIC_INTERNAL_ONLY".equals(ingress)) {
                fail(s.address() + " sets ingress = " + ingress);
            }
            for (JsonObject t : blocks(s.body(), "template")) {
                if (!GATEWAY_SA.equals(text(t, "service_account"))) {
                    fail(s.address() + " must run as the gateway's service account, not " + text(t, "service_account"));
                }
            }
        }
        // Cloud Run serves HTTPS only; a plain-HTTP load balancer in front would undo that.
        for (String type : List.of("google_compute_target_http_proxy", "google_compute_global_forwarding_rule")) {
            m.resources(type).forEach(b -> fail(b.address() + " is declared: no plain-HTTP front end"));
        }
    }

    private void secrets() {
        violations.addAll(PlainEnvRules.check(m));
        List<String> secretNames = m.localTexts("secret_keys");
        boolean viaSecretManager = false;
        for (Block s : m.resources("google_cloud_run_v2_service")) {
            for (JsonObject t : blocks(s.body(), "template")) {
                for (JsonObject c : blocks(t, "containers")) {
                    for (JsonObject e : blocks(c, "env")) {
                        boolean ref = blocks(e, "value_source").stream()
                                .anyMatch(v -> !blocks(v, "secret_key_ref").isEmpty());
                        viaSecretManager |= ref;
                        String value = text(e, "value");
                        if (value != null && (value.contains("random_password") || value.contains("secret_data")
                                || value.contains("google_secret_manager_secret_version")
                                || secretNames.stream().anyMatch(value::contains))) {
                            fail(s.address() + " puts a secret into plain env " + text(e, "name"));
                        }
                    }
                }
            }
        }
        if (!viaSecretManager) {
            fail("no Cloud Run env reads a secret through value_source.secret_key_ref");
        }
    }
}
