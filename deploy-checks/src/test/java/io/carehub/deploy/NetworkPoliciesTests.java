package io.carehub.deploy;

import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.carehub.deploy.NetworkPolicies.Pod;
import io.carehub.deploy.Services.Service;

/**
 * The NetworkPolicies of every overlay let the gateway (and Prometheus) reach each service, and each service reach
 * its own database, Kafka, DNS and the owners it asks about references (its
 * {@code carehub.references.collections.<c>.owner-url}, and notifier-service by {@code carehub.revocation.notifier-url},
 * resolved through its Deployment's environment to a Service),
 * and nothing else of the cluster: not another service's database, not a service it does not ask. Only the service
 * that delivers webhooks (the one configured with {@code carehub.webhooks.*}) reaches addresses outside the cluster.
 *
 * <p>The other side's pods are modelled with the labels their operators give them: CloudNativePG's
 * {@code cnpg.io/cluster}, Strimzi's {@code strimzi.io/cluster} / {@code strimzi.io/kind}, the Gateway API's
 * {@code gateway.networking.k8s.io/gateway-name}, kube-dns's {@code k8s-app}; and the namespace labels
 * deploy/k8s/README.md asks for ({@code carehub.io/gateway}, {@code carehub.io/monitoring}).
 */
class NetworkPoliciesTests {

    private static final String REFERENCE_OWNER = "carehub.references.collections.";
    private static final String REVOCATION_NOTIFIER = "carehub.revocation.notifier-url";

    /** What a service asks for references: owner service name, by collection. */
    static Map<String, String> owners(Manifests m, Service s, Env env) {
        Map<String, String> out = new LinkedHashMap<>();
        s.config().forEach((key, value) -> {
            if (key.startsWith(REFERENCE_OWNER) && key.endsWith(".owner-url")) {
                String collection = key.substring(REFERENCE_OWNER.length(), key.length() - ".owner-url".length());
                URI url = URI.create(TopicsTests.resolve(s, value, env));
                out.put(collection, serviceBehind(m, url.getHost(), s + " " + key + "=" + url));
            }
        });
        // Its revocation feed asks notifier-service whether an updated API client is still usable, unless it is off.
        String notifier = s.config().get(REVOCATION_NOTIFIER);
        if (notifier != null && !"false".equals(s.config().get("carehub.revocation.consume"))) {
            URI url = URI.create(TopicsTests.resolve(s, notifier, env));
            out.put("api_clients", serviceBehind(m, url.getHost(), s + " " + REVOCATION_NOTIFIER + "=" + url));
        }
        return out;
    }

    /** The Deployment whose pods a Service host name reaches. */
    private static String serviceBehind(Manifests m, String host, String what) {
        String name = host.split("\\.")[0];
        JsonNode svc = m.find("Service", name).orElseThrow(() -> new AssertionError(m + ": " + what + " names the host " + host
                + ", which is no Service"));
        Map<String, String> selector = Manifests.labels(svc.path("spec").path("selector"));
        for (JsonNode d : m.all("Deployment")) {
            Map<String, String> labels = Manifests.labels(d.path("spec").path("template").path("metadata").path("labels"));
            if (!selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet())) {
                return d.path("metadata").path("name").asText();
            }
        }
        throw new AssertionError(m + ": " + what + ": the Service " + name + " selects no Deployment's pods");
    }

    @Test
    void theServicesReachWhatTheyNeedAndNothingElse() {
        for (String variant : Manifests.variants()) {
            check(variant, Manifests.of(variant));
        }
    }

    private static void check(String variant, Manifests m) {
        Problems p = new Problems();
        NetworkPolicies net = new NetworkPolicies(m);
        JsonNode nsDoc = m.namespace();
        String ns = nsDoc.path("metadata").path("name").asText();
        Map<String, String> nsLabels = new HashMap<>(Manifests.labels(nsDoc.path("metadata").path("labels")));
        nsLabels.put("kubernetes.io/metadata.name", ns);

        Map<String, Pod> services = new LinkedHashMap<>();
        Map<String, Integer> httpPorts = new HashMap<>();
        for (Service s : Services.all()) {
            JsonNode d = m.get("Deployment", s.name());
            Map<String, Integer> ports = new HashMap<>();
            for (JsonNode cp : Manifests.container(d).path("ports")) {
                ports.put(cp.path("name").asText(), cp.path("containerPort").asInt());
            }
            httpPorts.put(s.name(), ports.getOrDefault("http", -1));
            services.put(s.name(), Pod.of("a pod of " + s, ns, nsLabels,
                    Manifests.labels(d.path("spec").path("template").path("metadata").path("labels")), ports));
        }
        Map<String, Pod> databases = new LinkedHashMap<>();
        for (JsonNode c : m.all("Cluster")) {
            String name = c.path("metadata").path("name").asText();
            databases.put(name, Pod.of("the primary of " + name, ns, nsLabels, Map.of("cnpg.io/cluster", name,
                    "cnpg.io/instanceRole", "primary", "role", "primary", "cnpg.io/podRole", "instance"), Map.of("postgresql", 5432)));
        }
        JsonNode kafkaCr = m.all("Kafka").get(0);
        String kafka = kafkaCr.path("metadata").path("name").asText();
        Pod broker = Pod.of("a Kafka broker", ns, nsLabels, Map.of("strimzi.io/cluster", kafka, "strimzi.io/kind", "Kafka",
                "strimzi.io/name", kafka + "-kafka", "strimzi.io/broker-role", "true"), Map.of());
        Pod dns = Pod.of("kube-dns", "kube-system", Map.of("kubernetes.io/metadata.name", "kube-system"), Map.of("k8s-app", "kube-dns"), Map.of());
        Pod intruder = Pod.of("another pod of the namespace", ns, nsLabels, Map.of("app", "something-else"), Map.of());
        Pod elsewhere = Pod.of("a pod of another namespace", "elsewhere", Map.of("kubernetes.io/metadata.name", "elsewhere"),
                Map.of("app", "something-else"), Map.of());
        Pod prometheus = Pod.of("Prometheus", "monitoring", Map.of("kubernetes.io/metadata.name", "monitoring", "carehub.io/monitoring", "true"),
                Map.of("app.kubernetes.io/name", "prometheus"), Map.of());
        Pod outside = Pod.outside("an address outside the cluster (a subscriber's webhook)");
        List<Pod> gateways = new java.util.ArrayList<>();
        gateways.add(Pod.of("a gateway proxy in a namespace labelled carehub.io/gateway=true", "gateway-system",
                Map.of("kubernetes.io/metadata.name", "gateway-system", "carehub.io/gateway", "true"), Map.of("app", "proxy"), Map.of()));
        for (JsonNode g : m.all("Gateway")) {
            gateways.add(Pod.of("the proxy of Gateway " + g.path("metadata").path("name").asText(), ns, nsLabels,
                    Map.of("gateway.networking.k8s.io/gateway-name", g.path("metadata").path("name").asText()), Map.of()));
        }

        for (Service s : Services.all()) {
            Pod pod = services.get(s.name());
            int http = httpPorts.get(s.name());
            Env env = Env.of(m, m.get("Deployment", s.name()));
            for (Pod g : gateways) {
                p.check(net.allowed(g, pod, http, "TCP"), g + " cannot reach " + s + " on " + http);
            }
            p.check(net.allowed(prometheus, pod, http, "TCP"), "Prometheus cannot scrape " + s);
            p.check(!net.allowed(intruder, pod, http, "TCP"), intruder + " reaches " + s);
            p.check(!net.allowed(elsewhere, pod, http, "TCP"), elsewhere + " reaches " + s);

            // Its database, and no other.
            String dbHost = env.value("DB_HOST").orElse("");
            int dbPort = Integer.parseInt(env.value("DB_PORT").orElse("5432"));
            Optional<String> own = databases.keySet().stream()
                    .filter(c -> List.of(c + "-rw", c + "-ro", c + "-r").contains(dbHost.split("\\.")[0])).findFirst();
            if (own.isEmpty()) {
                p.add(s + ": DB_HOST=" + dbHost + " is no CloudNativePG cluster's Service");
            }
            for (Map.Entry<String, Pod> db : databases.entrySet()) {
                boolean mine = own.isPresent() && own.get().equals(db.getKey());
                p.check(net.allowed(pod, db.getValue(), dbPort, "TCP") == mine,
                        s + (mine ? " cannot reach its database " : " reaches the database of another service, ") + db.getKey());
            }
            String bootstrap = env.value("KAFKA_BOOTSTRAP_SERVERS").orElse("");
            int kafkaPort = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
            p.check(net.allowed(pod, broker, kafkaPort, "TCP"), s + " cannot reach Kafka on " + bootstrap);
            p.check(net.allowed(pod, dns, 53, "UDP") && net.allowed(pod, dns, 53, "TCP"), s + " cannot ask DNS");

            // The owners it asks about references, and no other service.
            Map<String, String> asked = owners(m, s, env);
            Set<String> askedServices = new TreeSet<>(asked.values());
            for (Service other : Services.all()) {
                if (other.name().equals(s.name())) {
                    continue;
                }
                boolean asks = askedServices.contains(other.name());
                p.check(net.allowed(pod, services.get(other.name()), httpPorts.get(other.name()), "TCP") == asks,
                        s + (asks ? " asks " + other + " about " + asked.entrySet().stream().filter(e -> e.getValue().equals(other.name()))
                                .map(Map.Entry::getKey).toList() + " but cannot reach it" : " reaches " + other + ", which it never asks"));
            }

            boolean deliversWebhooks = s.config().keySet().stream().anyMatch(k -> k.startsWith("carehub.webhooks."));
            p.check(net.allowed(pod, outside, 443, "TCP") == deliversWebhooks,
                    s + (deliversWebhooks ? " delivers webhooks but cannot reach " : " reaches ") + outside);
        }
        for (Map.Entry<String, Pod> db : databases.entrySet()) {
            p.check(!net.allowed(intruder, db.getValue(), 5432, "TCP"), intruder + " reaches the database " + db.getKey());
        }
        p.check(!net.allowed(intruder, broker, 9092, "TCP"), intruder + " reaches Kafka");
        p.assertNone(variant + ": NetworkPolicies");
    }
}
