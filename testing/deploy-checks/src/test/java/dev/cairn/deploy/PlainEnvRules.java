package dev.cairn.deploy;

import java.util.ArrayList;
import java.util.List;

/**
 * What both modules promise about the gateway's plain environment: the three credentials are listed in
 * {@code local.secret_keys} (which feeds the secret store), none of them appears in {@code local.environment}
 * (which becomes plain env), and {@code extra_environment} refuses secret-looking names.
 */
final class PlainEnvRules {
    static final List<String> SECRETS = List.of("CAIRN_ACCESS_KEY", "CAIRN_SECRET_KEY", "CAIRN_OAP_WRITE_TOKEN");

    private PlainEnvRules() {
    }

    /** One line per broken promise; empty when all hold. */
    static List<String> check(HclModule m) {
        List<String> out = new ArrayList<>();
        List<String> secretNames = m.localTexts("secret_keys");
        if (!secretNames.containsAll(SECRETS)) {
            out.add("local.secret_keys must name " + SECRETS + ", not " + secretNames);
        }
        String env = m.local("environment");
        for (String name : SECRETS) {
            if (env == null || env.contains(name)) {
                out.add("local.environment (plain env) holds the secret " + name);
            }
        }
        if (!m.variableValidations("extra_environment").contains("SECRET")) {
            out.add("variable extra_environment must refuse secret-looking names");
        }
        return out;
    }
}
