package io.carehub.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The environment a Deployment's container gets: {@code env} (literal values, or "from Secret x" for secretKeyRef),
 * then {@code envFrom} ConfigMaps (their rendered data) and Secrets. The Secrets are made by hand (deploy/k8s/README.md,
 * "Secrets"); the keys of one given to envFrom are those of the example file that names it
 * ({@code deploy/k8s/secrets.example.env}: {@code create secret generic <name> --from-env-file}).
 */
final class Env {

    /** Variable name to value; a value held in a Secret is {@code <from Secret name>}. */
    final Map<String, String> values;

    private Env(Map<String, String> values) {
        this.values = values;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    static Env of(Manifests m, JsonNode deployment) {
        JsonNode container = Manifests.container(deployment);
        Map<String, String> out = new LinkedHashMap<>();
        // envFrom first, in order (a later source wins), then env, which wins over every envFrom.
        for (JsonNode from : container.path("envFrom")) {
            if (from.has("configMapRef")) {
                String name = from.path("configMapRef").path("name").asText();
                JsonNode cm = m.find("ConfigMap", name)
                        .orElseThrow(() -> new AssertionError(m + ": " + deployment.path("metadata").path("name").asText()
                                + " takes envFrom the ConfigMap " + name + ", which is not rendered"));
                cm.path("data").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
            } else if (from.has("secretRef")) {
                String name = from.path("secretRef").path("name").asText();
                for (String key : secretKeys(name)) {
                    out.put(key, "<from Secret " + name + ">");
                }
            }
        }
        for (JsonNode e : container.path("env")) {
            String name = e.path("name").asText();
            if (e.has("value")) {
                out.put(name, e.path("value").asText());
            } else if (e.path("valueFrom").has("secretKeyRef")) {
                out.put(name, "<from Secret " + e.path("valueFrom").path("secretKeyRef").path("name").asText() + ">");
            } else {
                out.put(name, "<from " + e.path("valueFrom").fieldNames().next() + ">");
            }
        }
        return new Env(out);
    }

    private static final Pattern MADE_FROM = Pattern.compile("create secret generic (\\S+) --from-env-file");
    private static final Pattern KEY = Pattern.compile("^([A-Z][A-Z0-9_]*)=", Pattern.MULTILINE);

    /** The keys of a hand-made Secret given to envFrom: those of the example file made for it. */
    static java.util.Set<String> secretKeys(String secret) {
        try (var files = Files.list(Manifests.K8S)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".example.env")).toList()) {
                String text = Files.readString(f);
                Matcher made = MADE_FROM.matcher(text);
                if (made.find() && made.group(1).equals(secret)) {
                    java.util.Set<String> keys = new java.util.LinkedHashSet<>();
                    Matcher k = KEY.matcher(text);
                    while (k.find()) {
                        keys.add(k.group(1));
                    }
                    return keys;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("a Deployment takes envFrom the Secret " + secret
                + ", but no deploy/k8s/*.example.env says which keys it holds (`create secret generic " + secret
                + " --from-env-file` in its header)");
    }
}
