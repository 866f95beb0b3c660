package io.carehub.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The Kubernetes manifests as {@code kubectl kustomize} renders them: every overlay of {@code deploy/k8s/overlays},
 * and every overlay with each component of {@code deploy/k8s/components} added (rendered from a kustomization made
 * under this module's {@code target/}). Without a kubectl whose Kustomize can render them, the checks that need
 * them are skipped, saying why.
 */
final class Manifests {

    static final Path REPO = Path.of(System.getProperty("carehub.repo.root", "..")).toAbsolutePath().normalize();
    static final Path K8S = REPO.resolve("deploy/k8s");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Manifests> RENDERED = new HashMap<>();
    private static String unavailable;
    private static boolean probed;

    final String name;
    final List<JsonNode> docs;

    private Manifests(String name, List<JsonNode> docs) {
        this.name = name;
        this.docs = docs;
    }

    @Override
    public String toString() {
        return name;
    }

    /** The overlays' names (folders of deploy/k8s/overlays with a kustomization.yaml). */
    static List<String> overlays() {
        return folders(K8S.resolve("overlays"));
    }

    static List<String> components() {
        return folders(K8S.resolve("components"));
    }

    private static List<String> folders(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("kustomization.yaml"))).map(p -> p.getFileName().toString())
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Skips the calling test, with the reason, when kubectl cannot render the manifests here. */
    static void assumeKubectl() {
        String why = unavailable();
        if (why != null) {
            System.err.println("deploy-checks: SKIPPED the checks of the rendered Kubernetes manifests: " + why);
        }
        Assumptions.assumeTrue(why == null, () -> "skipped: " + why);
    }

    private static synchronized String unavailable() {
        if (!probed) {
            probed = true;
            unavailable = probe();
        }
        return unavailable;
    }

    private static String probe() {
        Result r;
        try {
            r = run(REPO, "kubectl", "version", "--client", "-o", "json");
        } catch (IOException e) {
            return "kubectl is not installed (it renders deploy/k8s with `kubectl kustomize`; Kubernetes 1.27+ clients "
                    + "bundle Kustomize v5; .ci/run installs one from Debian where apt-get offers one new enough)";
        }
        if (r.code != 0) {
            return "`kubectl version --client -o json` failed: " + r.err.strip();
        }
        try {
            String kustomize = JSON.readTree(r.out).path("kustomizeVersion").asText("");
            if (!kustomize.matches("v([5-9]|\\d{2,})\\..*")) {
                return "kubectl's Kustomize is " + (kustomize.isEmpty() ? "unknown (a kubectl before 1.21)" : kustomize)
                        + ": deploy/k8s needs Kustomize v5 (kubectl 1.27+) for its components and labels";
            }
        } catch (IOException e) {
            return "cannot read `kubectl version --client -o json`: " + e.getMessage();
        }
        return null;
    }

    /** An overlay as rendered ("dev"), or an overlay with a component ("dev+ingress"). */
    static synchronized Manifests of(String variant) {
        assumeKubectl();
        return RENDERED.computeIfAbsent(variant, Manifests::render);
    }

    /** Every overlay, and every overlay with each component. */
    static List<String> variants() {
        List<String> out = new ArrayList<>();
        for (String overlay : overlays()) {
            out.add(overlay);
            for (String component : components()) {
                out.add(overlay + "+" + component);
            }
        }
        return out;
    }

    private static Manifests render(String variant) {
        try {
            Path dir;
            String[] parts = variant.split("\\+");
            if (parts.length == 1) {
                dir = K8S.resolve("overlays").resolve(variant);
            } else {
                // Kustomize wants relative paths: a kustomization under target/ naming the overlay and the component.
                dir = REPO.resolve("deploy-checks/target/kustomize").resolve(parts[0] + "-with-" + parts[1]);
                Files.createDirectories(dir);
                Files.writeString(dir.resolve("kustomization.yaml"), """
                        apiVersion: kustomize.config.k8s.io/v1beta1
                        kind: Kustomization
                        resources:
                          - %s
                        components:
                          - %s
                        """.formatted(dir.relativize(K8S.resolve("overlays").resolve(parts[0])),
                        dir.relativize(K8S.resolve("components").resolve(parts[1]))));
            }
            Result r = run(REPO, "kubectl", "kustomize", dir.toString());
            if (r.code != 0) {
                throw new AssertionError("kubectl kustomize " + REPO.relativize(dir) + " failed:\n" + r.err);
            }
            List<JsonNode> docs = new ArrayList<>();
            try (var it = YAML.readerFor(JsonNode.class).readValues(r.out)) {
                while (it.hasNext()) {
                    JsonNode doc = (JsonNode) it.next();
                    if (doc != null && doc.isObject()) {
                        docs.add(doc);
                    }
                }
            }
            return new Manifests(variant, docs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<JsonNode> all(String kind) {
        return docs.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
    }

    Optional<JsonNode> find(String kind, String name) {
        return all(kind).stream().filter(d -> d.path("metadata").path("name").asText().equals(name)).findFirst();
    }

    JsonNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(this.name + ": no " + kind + " " + name));
    }

    /** The namespace the overlay puts everything in (its Namespace resource). */
    JsonNode namespace() {
        List<JsonNode> ns = all("Namespace");
        if (ns.size() != 1) {
            throw new AssertionError(name + ": expected one Namespace, found " + ns.size());
        }
        return ns.get(0);
    }

    /** The Deployment's pod template's first container. */
    static JsonNode container(JsonNode deployment) {
        return deployment.path("spec").path("template").path("spec").path("containers").path(0);
    }

    static Map<String, String> labels(JsonNode labels) {
        Map<String, String> out = new LinkedHashMap<>();
        labels.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    record Result(int code, String out, String err) {
    }

    static Result run(Path dir, String... command) throws IOException {
        Path out = Files.createTempFile("deploy-checks", ".out");
        Path err = Files.createTempFile("deploy-checks", ".err");
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within 60 s");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
