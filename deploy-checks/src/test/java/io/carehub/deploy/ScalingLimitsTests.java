package io.carehub.deploy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.carehub.deploy.Services.Service;

/**
 * What bounds scaling out, as deploy/k8s/README.md ("Scaling out") states it, holds for the numbers of each overlay:
 * <ul>
 * <li>the most replicas a service can have, during a rolling update too (HPA maximum plus maxSurge), times its
 * connections per replica (the reactive pool, Flyway's JDBC pool at start, and the outbox relay's LISTEN connection)
 * fit in its PostgreSQL's max_connections less the superuser's reserved ones;</li>
 * <li>no consumer group has more replicas than the partitions of a topic it consumes (the extra ones would idle).</li>
 * </ul>
 */
class ScalingLimitsTests {

    /** The outbox relay's own connection for LISTEN (platform-commons OutboxRelay: a PgSubscriber), per replica. */
    private static final int LISTEN_CONNECTIONS = 1;
    /** PostgreSQL's default superuser_reserved_connections (CloudNativePG keeps it). */
    private static final int SUPERUSER_RESERVED = 3;

    static int maxReplicas(Manifests m, String service) {
        for (JsonNode hpa : m.all("HorizontalPodAutoscaler")) {
            if (hpa.path("spec").path("scaleTargetRef").path("name").asText().equals(service)) {
                return hpa.path("spec").path("maxReplicas").asInt();
            }
        }
        return m.get("Deployment", service).path("spec").path("replicas").asInt(1);
    }

    static int surge(Manifests m, String service, int replicas) {
        JsonNode s = m.get("Deployment", service).path("spec").path("strategy").path("rollingUpdate").path("maxSurge");
        String v = s.asText("25%");
        return v.endsWith("%") ? (int) Math.ceil(replicas * Integer.parseInt(v.replace("%", "")) / 100.0) : Integer.parseInt(v);
    }

    @Test
    void theDatabaseConnectionsOfEveryReplicaFit() {
        for (String variant : Manifests.overlays()) {
            Manifests m = Manifests.of(variant);
            Problems p = new Problems();
            for (Service s : Services.all()) {
                Env env = Env.of(m, m.get("Deployment", s.name()));
                int pool = Integer.parseInt(TopicsTests.resolve(s, s.property("quarkus.datasource.reactive.max-size").orElse("20"), env));
                int jdbc = Integer.parseInt(TopicsTests.resolve(s, s.property("quarkus.datasource.jdbc.max-size").orElse("20"), env));
                int perReplica = pool + jdbc + LISTEN_CONNECTIONS;
                int replicas = maxReplicas(m, s.name());
                int most = replicas + surge(m, s.name(), replicas);
                String db = env.value("DB_HOST").orElse("").replaceFirst("-(rw|ro|r)$", "");
                Optional<JsonNode> cluster = m.find("Cluster", db);
                if (cluster.isEmpty()) {
                    p.add(s + ": no CloudNativePG Cluster " + db);
                    continue;
                }
                int max = cluster.get().path("spec").path("postgresql").path("parameters").path("max_connections").asInt(100);
                System.out.printf("deploy-checks: %s %s: up to %d replicas (%d + surge), %d connections each (%d pool + %d JDBC + %d LISTEN) = %d of %s's %d (less %d reserved)%n",
                        variant, s, most, replicas, perReplica, pool, jdbc, LISTEN_CONNECTIONS, most * perReplica, db, max, SUPERUSER_RESERVED);
                p.check(most * perReplica <= max - SUPERUSER_RESERVED, s + ": " + most + " replicas x " + perReplica
                        + " connections = " + most * perReplica + " > " + db + "'s max_connections " + max + " - " + SUPERUSER_RESERVED);
            }
            p.assertNone(variant + ": database connections");
        }
    }

    @Test
    void noConsumerGroupHasMoreReplicasThanPartitions() {
        for (String variant : Manifests.overlays()) {
            Manifests m = Manifests.of(variant);
            Problems p = new Problems();
            Map<String, Integer> partitions = new LinkedHashMap<>();
            for (JsonNode t : m.all("KafkaTopic")) {
                partitions.put(t.path("spec").path("topicName").asText(t.path("metadata").path("name").asText()),
                        t.path("spec").path("partitions").asInt(1));
            }
            java.util.Set<String> produced = new java.util.LinkedHashSet<>();
            Services.all().forEach(s -> produced.addAll(TopicsTests.produced(s)));
            for (Service s : Services.all()) {
                Env env = Env.of(m, m.get("Deployment", s.name()));
                int replicas = maxReplicas(m, s.name());
                java.util.Set<String> consumed = new java.util.LinkedHashSet<>(TopicsTests.consumed(s, env).keySet());
                TopicsTests.consumedPatterns(s, env).values()
                        .forEach(pattern -> produced.stream().filter(t -> pattern.matcher(t).matches()).forEach(consumed::add));
                for (String topic : consumed) {
                    Integer n = partitions.get(topic);
                    if (n == null) {
                        continue; // TopicsTests reports it
                    }
                    System.out.printf("deploy-checks: %s %s: up to %d consumers of %s (%d partitions)%n", variant, s, replicas, topic, n);
                    p.check(replicas <= n, s + ": up to " + replicas + " replicas consume " + topic + ", which has " + n
                            + " partitions: " + (replicas - n) + " would idle");
                }
            }
            p.assertNone(variant + ": Kafka partitions");
        }
    }
}
