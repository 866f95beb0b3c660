package io.carehub.deploy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How the cluster's gateway routes a request path: the HTTPRoutes (Gateway API: an Exact match first, then the
 * longest PathPrefix, which matches whole segments, then RegularExpression) or the Ingresses (Exact, then the longest
 * Prefix, element-wise). Matches with header, query or method conditions are not taken as routes of every request.
 */
final class K8sRoutes {

    /** The backend a path reaches: service name and port (number, or name for an Ingress), and where it was said. */
    record Backend(String service, String port, JsonNode owner, JsonNode rule, String matched) {

        String ownerName() {
            return owner.path("kind").asText() + " " + owner.path("metadata").path("name").asText();
        }

        @Override
        public String toString() {
            return service + ":" + port + " (" + ownerName() + ", path " + matched + ")";
        }
    }

    private K8sRoutes() {
    }

    static boolean segmentPrefix(String prefix, String path) {
        String p = prefix.length() > 1 && prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return p.equals("/") || path.equals(p) || path.startsWith(p + "/");
    }

    /** Every backend of the HTTPRoute rule that wins for this path (empty: no route takes it). */
    static List<Backend> httpRoute(Manifests m, String path) {
        record Candidate(int rank, int length, JsonNode route, JsonNode rule, String value) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (JsonNode route : m.all("HTTPRoute")) {
            for (JsonNode rule : route.path("spec").path("rules")) {
                JsonNode matches = rule.path("matches");
                if (matches.isMissingNode() || matches.isEmpty()) {
                    candidates.add(new Candidate(1, 1, route, rule, "/"));
                    continue;
                }
                for (JsonNode match : matches) {
                    if (match.has("headers") || match.has("queryParams") || match.has("method")) {
                        continue;
                    }
                    String type = match.path("path").path("type").asText("PathPrefix");
                    String value = match.path("path").path("value").asText("/");
                    boolean hit = switch (type) {
                        case "Exact" -> path.equals(value);
                        case "PathPrefix" -> segmentPrefix(value, path);
                        case "RegularExpression" -> Pattern.compile(value).matcher(path).matches();
                        default -> throw new AssertionError("unknown HTTPRoute path match type " + type);
                    };
                    if (hit) {
                        candidates.add(new Candidate(type.equals("Exact") ? 3 : type.equals("PathPrefix") ? 2 : 1, value.length(),
                                route, rule, value));
                    }
                }
            }
        }
        Optional<Candidate> best = candidates.stream()
                .max(Comparator.comparingInt(Candidate::rank).thenComparingInt(Candidate::length));
        if (best.isEmpty()) {
            return List.of();
        }
        List<Backend> out = new ArrayList<>();
        for (JsonNode ref : best.get().rule().path("backendRefs")) {
            out.add(new Backend(ref.path("name").asText(), ref.path("port").asText(), best.get().route(), best.get().rule(),
                    best.get().value()));
        }
        return out;
    }

    private static boolean useRegex(JsonNode ingress) {
        return "true".equals(ingress.path("metadata").path("annotations").path("nginx.ingress.kubernetes.io/use-regex").asText());
    }

    /** The Ingress backend that wins for this path (empty: no Ingress takes it). */
    static Optional<Backend> ingress(Manifests m, String path) {
        Backend best = null;
        int bestRank = 0;
        int bestLength = -1;
        for (JsonNode ingress : m.all("Ingress")) {
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                for (JsonNode p : rule.path("http").path("paths")) {
                    String type = p.path("pathType").asText();
                    String value = p.path("path").asText("/");
                    boolean hit = switch (type) {
                        case "Exact" -> path.equals(value);
                        case "Prefix" -> segmentPrefix(value, path);
                        // ingress-nginx reads ImplementationSpecific as a prefix, or with use-regex as a
                        // case-insensitive regular expression anchored at the start (~* ^value).
                        case "ImplementationSpecific" -> useRegex(ingress)
                                ? Pattern.compile("^" + value, Pattern.CASE_INSENSITIVE).matcher(path).find()
                                : path.startsWith(value);
                        default -> throw new AssertionError("unknown Ingress pathType " + type);
                    };
                    int rank = type.equals("Exact") ? 2 : 1;
                    if (hit && (rank > bestRank || rank == bestRank && value.length() > bestLength)) {
                        JsonNode service = p.path("backend").path("service");
                        String port = service.path("port").has("name") ? service.path("port").path("name").asText()
                                : service.path("port").path("number").asText();
                        best = new Backend(service.path("name").asText(), port, ingress, p, value);
                        bestRank = rank;
                        bestLength = value.length();
                    }
                }
            }
        }
        return Optional.ofNullable(best);
    }
}
