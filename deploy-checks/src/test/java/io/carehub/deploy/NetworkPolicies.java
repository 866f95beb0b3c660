package io.carehub.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Kubernetes' NetworkPolicy semantics, for the pods of a rendered overlay: a connection from pod A to pod B on a port
 * is allowed when A's egress allows it (or no policy selects A for Egress) and B's ingress allows it (or no policy
 * selects B for Ingress). Peers are podSelector (in the policy's namespace), namespaceSelector, both (the pods so
 * labelled in the namespaces so labelled), or ipBlock (addresses outside the cluster). Also the policy Strimzi makes
 * from a Kafka listener's {@code networkPolicyPeers}.
 */
final class NetworkPolicies {

    /** A pod: its namespace's labels, its own, its named container ports; or an address outside the cluster. */
    record Pod(String description, String namespace, Map<String, String> namespaceLabels, Map<String, String> labels,
            Map<String, Integer> namedPorts, boolean external) {

        static Pod of(String description, String namespace, Map<String, String> nsLabels, Map<String, String> labels,
                Map<String, Integer> namedPorts) {
            return new Pod(description, namespace, nsLabels, labels, namedPorts, false);
        }

        static Pod outside(String description) {
            return new Pod(description, "", Map.of(), Map.of(), Map.of(), true);
        }

        @Override
        public String toString() {
            return description;
        }
    }

    /** One policy: the namespace it is in, its kind of rules and what it selects. */
    private record Policy(String namespace, JsonNode podSelector, boolean ingress, boolean egress, JsonNode ingressRules,
            JsonNode egressRules) {
    }

    private final List<Policy> policies = new ArrayList<>();

    NetworkPolicies(Manifests m) {
        for (JsonNode p : m.all("NetworkPolicy")) {
            JsonNode spec = p.path("spec");
            boolean hasEgress = spec.has("egress");
            List<String> types = new ArrayList<>();
            spec.path("policyTypes").forEach(t -> types.add(t.asText()));
            if (types.isEmpty()) {
                types.add("Ingress");
                if (hasEgress) {
                    types.add("Egress");
                }
            }
            policies.add(new Policy(p.path("metadata").path("namespace").asText(), spec.path("podSelector"),
                    types.contains("Ingress"), types.contains("Egress"), spec.path("ingress"), spec.path("egress")));
        }
        // Strimzi: for each listener with networkPolicyPeers, the broker pods admit only those peers on its port.
        for (JsonNode k : m.all("Kafka")) {
            String ns = k.path("metadata").path("namespace").asText();
            var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            var rules = mapper.createArrayNode();
            for (JsonNode l : k.path("spec").path("kafka").path("listeners")) {
                var rule = mapper.createObjectNode();
                if (l.has("networkPolicyPeers")) {
                    rule.set("from", l.path("networkPolicyPeers"));
                }
                rule.putArray("ports").addObject().put("port", l.path("port").asInt()).put("protocol", "TCP");
                rules.add(rule);
            }
            var selector = mapper.createObjectNode();
            selector.putObject("matchLabels").put("strimzi.io/cluster", k.path("metadata").path("name").asText())
                    .put("strimzi.io/kind", "Kafka");
            policies.add(new Policy(ns, selector, true, false, rules, mapper.createArrayNode()));
        }
    }

    boolean allowed(Pod from, Pod to, int port, String protocol) {
        return egressAllows(from, to, port, protocol) && ingressAllows(from, to, port, protocol);
    }

    private boolean egressAllows(Pod from, Pod to, int port, String protocol) {
        if (from.external()) {
            return true;
        }
        boolean selected = false;
        for (Policy p : policies) {
            if (p.egress() && p.namespace().equals(from.namespace()) && selects(p.podSelector(), from.labels())) {
                selected = true;
                for (JsonNode rule : p.egressRules()) {
                    if (peers(rule.path("to"), p.namespace(), to) && ports(rule.path("ports"), to, port, protocol)) {
                        return true;
                    }
                }
            }
        }
        return !selected;
    }

    private boolean ingressAllows(Pod from, Pod to, int port, String protocol) {
        if (to.external()) {
            return true;
        }
        boolean selected = false;
        for (Policy p : policies) {
            if (p.ingress() && p.namespace().equals(to.namespace()) && selects(p.podSelector(), to.labels())) {
                selected = true;
                for (JsonNode rule : p.ingressRules()) {
                    if (peers(rule.path("from"), p.namespace(), from) && ports(rule.path("ports"), to, port, protocol)) {
                        return true;
                    }
                }
            }
        }
        return !selected;
    }

    /** Whether a rule's peers (absent or empty: every peer) include the pod. */
    private static boolean peers(JsonNode peers, String policyNamespace, Pod pod) {
        if (peers.isMissingNode() || peers.isEmpty()) {
            return true;
        }
        for (JsonNode peer : peers) {
            if (peer.has("ipBlock")) {
                if (pod.external()) {
                    return true; // the addresses checked here are outside every except-range the policies name
                }
                continue;
            }
            if (pod.external()) {
                continue;
            }
            boolean nsOk = peer.has("namespaceSelector") ? selects(peer.path("namespaceSelector"), pod.namespaceLabels())
                    : pod.namespace().equals(policyNamespace);
            boolean podOk = !peer.has("podSelector") || selects(peer.path("podSelector"), pod.labels());
            if (nsOk && podOk) {
                return true;
            }
        }
        return false;
    }

    private static boolean ports(JsonNode ports, Pod to, int port, String protocol) {
        if (ports.isMissingNode() || ports.isEmpty()) {
            return true;
        }
        for (JsonNode p : ports) {
            if (!p.path("protocol").asText("TCP").equals(protocol)) {
                continue;
            }
            if (!p.has("port")) {
                return true;
            }
            JsonNode value = p.path("port");
            int number = value.isInt() ? value.asInt() : value.asText().matches("\\d+") ? Integer.parseInt(value.asText())
                    : to.namedPorts().getOrDefault(value.asText(), -1);
            int endPort = p.path("endPort").asInt(number);
            if (port >= number && port <= endPort) {
                return true;
            }
        }
        return false;
    }

    /** A label selector: matchLabels and matchExpressions (In, NotIn, Exists, DoesNotExist); empty selects all. */
    static boolean selects(JsonNode selector, Map<String, String> labels) {
        var ok = new boolean[] {true};
        selector.path("matchLabels").fields().forEachRemaining(e -> ok[0] &= e.getValue().asText().equals(labels.get(e.getKey())));
        for (JsonNode x : selector.path("matchExpressions")) {
            String key = x.path("key").asText();
            List<String> values = new ArrayList<>();
            x.path("values").forEach(v -> values.add(v.asText()));
            ok[0] &= switch (x.path("operator").asText()) {
                case "In" -> values.contains(labels.get(key));
                case "NotIn" -> !values.contains(labels.get(key));
                case "Exists" -> labels.containsKey(key);
                case "DoesNotExist" -> !labels.containsKey(key);
                default -> throw new AssertionError("unknown selector operator " + x.path("operator").asText());
            };
        }
        return ok[0];
    }
}
