package io.carehub.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.carehub.deploy.Services.Service;

/**
 * Every service runs in every overlay as a Deployment that Kubernetes can judge and contain: readiness and liveness
 * probes on SmallRye Health, CPU and memory requests and limits, a non-root user (the image's) and a read-only root
 * file system with a writable /tmp, the image Jib builds for it, and a Service in front.
 */
class DeploymentsTests {

    private static final String VERSION = System.getProperty("carehub.version");
    private static final String REGISTRY = System.getProperty("carehub.image.registry");
    private static final String GROUP = System.getProperty("carehub.image.group");
    private static final String IMAGE_USER = System.getProperty("carehub.image.user");

    @Test
    void everyServiceOfTheBuildIsCheckedHere() throws IOException {
        // A module of the root pom with a Quarkus application must be a dependency of this module, so that its
        // routes, configuration and topics are checked.
        String pom = Files.readString(Manifests.REPO.resolve("pom.xml"));
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(pom);
        Set<String> applications = new TreeSet<>();
        while (m.find()) {
            Path props = Manifests.REPO.resolve(m.group(1)).resolve("src/main/resources/application.properties");
            if (Files.exists(props)) {
                String name = Services.properties(Files.readAllBytes(props)).getProperty("quarkus.application.name");
                if (name != null) {
                    applications.add(name);
                }
            }
        }
        Set<String> checked = new TreeSet<>(Services.all().stream().map(Service::name).toList());
        if (!checked.equals(applications)) {
            throw new AssertionError("the root pom's applications are " + applications + ", deploy-checks reads " + checked
                    + ": add the missing ones as dependencies of deploy-checks/pom.xml");
        }
    }

    @Test
    void everyServiceHasAHealthyContainedDeploymentInEveryOverlay() {
        for (String variant : Manifests.variants()) {
            Manifests m = Manifests.of(variant);
            Problems p = new Problems();
            for (Service s : Services.all()) {
                Optional<JsonNode> found = m.find("Deployment", s.name());
                if (found.isEmpty()) {
                    p.add("no Deployment " + s);
                    continue;
                }
                JsonNode d = found.get();
                JsonNode pod = d.path("spec").path("template").path("spec");
                JsonNode c = Manifests.container(d);
                String where = "Deployment " + s;
                Env env = Env.of(m, d);

                // The port the service listens on is the container's http port, and the probes ask it.
                String port = env.value("QUARKUS_HTTP_PORT").orElse(s.property("quarkus.http.port").orElse("8080"));
                int containerPort = -1;
                for (JsonNode cp : c.path("ports")) {
                    if (cp.path("name").asText().equals("http")) {
                        containerPort = cp.path("containerPort").asInt();
                    }
                }
                p.check(String.valueOf(containerPort).equals(port), where + ": containerPort http is " + containerPort
                        + " but the service listens on " + port + " (QUARKUS_HTTP_PORT)");

                String health = Endpoints.join(s.property("quarkus.http.non-application-root-path").orElse("q"),
                        s.property("quarkus.smallrye-health.root-path").orElse("health"));
                probe(p, where, c, "readinessProbe", health + "/ready");
                probe(p, where, c, "livenessProbe", health + "/live");
                if (c.has("startupProbe")) {
                    probe(p, where, c, "startupProbe", health + "/started");
                }

                for (String kind : new String[] {"requests", "limits"}) {
                    for (String resource : new String[] {"cpu", "memory"}) {
                        p.check(!c.path("resources").path(kind).path(resource).asText("").isEmpty(),
                                where + ": no resources." + kind + "." + resource);
                    }
                }

                JsonNode podSec = pod.path("securityContext");
                JsonNode sec = c.path("securityContext");
                p.check(sec.path("runAsNonRoot").asBoolean(podSec.path("runAsNonRoot").asBoolean(false)), where + ": runAsNonRoot is not true");
                String uid = sec.path("runAsUser").asText(podSec.path("runAsUser").asText(""));
                p.check(uid.equals(IMAGE_USER), where + ": runs as uid '" + uid + "', the image's user is " + IMAGE_USER + " (quarkus.jib.user)");
                p.check(sec.path("readOnlyRootFilesystem").asBoolean(false), where + ": the root file system is not read-only");
                p.check(!sec.path("allowPrivilegeEscalation").asBoolean(true), where + ": allowPrivilegeEscalation is not false");
                p.check(sec.path("capabilities").path("drop").toString().contains("\"ALL\""), where + ": capabilities are not all dropped");
                boolean tmp = false;
                for (JsonNode mount : c.path("volumeMounts")) {
                    if (mount.path("mountPath").asText().equals("/tmp")) {
                        String volume = mount.path("name").asText();
                        for (JsonNode v : pod.path("volumes")) {
                            tmp |= v.path("name").asText().equals(volume) && v.has("emptyDir");
                        }
                    }
                }
                p.check(tmp, where + ": no emptyDir at /tmp (the root file system is read-only; the JVM and Vert.x write there)");

                String image = c.path("image").asText();
                String repository = REGISTRY + "/" + GROUP + "/" + s.name();
                p.check(image.startsWith(repository + ":") || image.startsWith(repository + "@"),
                        where + ": runs " + image + ", Jib builds " + repository + ":" + VERSION);

                Map<String, String> podLabels = Manifests.labels(d.path("spec").path("template").path("metadata").path("labels"));
                Optional<JsonNode> svc = m.find("Service", s.name());
                if (svc.isEmpty()) {
                    p.add("no Service " + s);
                } else {
                    Map<String, String> selector = Manifests.labels(svc.get().path("spec").path("selector"));
                    p.check(!selector.isEmpty() && podLabels.entrySet().containsAll(selector.entrySet()),
                            "Service " + s + " selects " + selector + ", the pods are labelled " + podLabels);
                    boolean targets = false;
                    for (JsonNode sp : svc.get().path("spec").path("ports")) {
                        targets |= sp.path("targetPort").asText().equals("http") || sp.path("targetPort").asText().equals(port);
                    }
                    p.check(targets, "Service " + s + " has no port targeting the container's http port");
                }
            }
            p.assertNone(variant + ": Deployments");
        }
    }

    private static void probe(Problems p, String where, JsonNode container, String probe, String path) {
        JsonNode get = container.path(probe).path("httpGet");
        p.check(get.path("path").asText().equals(path), where + ": " + probe + " asks '" + get.path("path").asText()
                + "', SmallRye Health answers at " + path);
        p.check(get.path("port").asText().equals("http"), where + ": " + probe + " asks port " + get.path("port").asText() + ", not http");
    }
}
