package io.carehub.deploy;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.carehub.commons.outbox.Outbox;
import io.carehub.deploy.Expressions.Expression;
import io.carehub.deploy.Services.Service;

/**
 * Every topic a service produces (its outbox relay's {@code <service>.changes}, named by platform-commons' Outbox) or
 * consumes (every {@code ...topic} / {@code ...topics} property, e.g. {@code carehub.references.collections.<c>.topic},
 * and every {@code ...topic-pattern}, e.g. the notifier's) exists in every overlay as a KafkaTopic of the platform's
 * Kafka, compacted (change topics are tables: ARCHITECTURE.md), and the services reach that Kafka.
 */
class TopicsTests {

    static Set<String> produced(Service s) {
        return Set.of(new Outbox(s.name()).topic());
    }

    /** A configuration value with its expressions resolved against the Deployment's environment (else their defaults). */
    static String resolve(Service s, String value, Env env) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        for (Expression x : Expressions.parse(value)) {
            int start = value.indexOf("${", i);
            out.append(value, i, start);
            int end = start + 2 + x.name().length() + (x.hasDefault() ? 1 + x.fallback().length() : 0) + 1;
            Optional<String> given = env == null ? Optional.empty() : env.value(x.name());
            if (s.config().containsKey(x.name())) {
                out.append(resolve(s, s.config().get(x.name()), env));
            } else if (given.isPresent()) {
                out.append(given.get());
            } else if (x.hasDefault()) {
                out.append(resolve(s, x.fallback(), env));
            } else {
                throw new AssertionError(s + ": " + value + " names " + x.name() + ", which is set nowhere");
            }
            i = end;
        }
        out.append(value.substring(i));
        return out.toString();
    }

    /** Topics named outright, by property. */
    static Map<String, String> consumed(Service s, Env env) {
        Map<String, String> out = new LinkedHashMap<>();
        s.config().forEach((key, value) -> {
            if (key.endsWith(".topic") || key.endsWith(".topics")) {
                for (String t : resolve(s, value, env).split(",")) {
                    if (!t.isBlank()) {
                        out.put(t.strip(), key);
                    }
                }
            }
        });
        return out;
    }

    static Map<String, Pattern> consumedPatterns(Service s, Env env) {
        Map<String, Pattern> out = new LinkedHashMap<>();
        s.config().forEach((key, value) -> {
            if (key.endsWith("topic-pattern")) {
                out.put(key, Pattern.compile(resolve(s, value, env)));
            }
        });
        return out;
    }

    @Test
    void everyTopicProducedOrConsumedIsACompactedKafkaTopic() {
        for (String variant : Manifests.variants()) {
            Manifests m = Manifests.of(variant);
            Problems p = new Problems();
            Set<String> kafkas = new LinkedHashSet<>();
            m.all("Kafka").forEach(k -> kafkas.add(k.path("metadata").path("name").asText()));
            p.check(kafkas.size() == 1, "expected one Kafka, found " + kafkas);
            Map<String, JsonNode> topics = new LinkedHashMap<>();
            for (JsonNode t : m.all("KafkaTopic")) {
                topics.put(t.path("spec").path("topicName").asText(t.path("metadata").path("name").asText()), t);
            }
            Set<String> allProduced = new LinkedHashSet<>();
            Services.all().forEach(s -> allProduced.addAll(produced(s)));
            for (Service s : Services.all()) {
                Env env = Env.of(m, m.get("Deployment", s.name()));
                Map<String, String> needed = new LinkedHashMap<>();
                produced(s).forEach(t -> needed.put(t, "its outbox relay"));
                consumed(s, env).forEach(needed::put);
                consumedPatterns(s, env).forEach((key, pattern) -> {
                    long matched = allProduced.stream().filter(t -> pattern.matcher(t).matches()).peek(t -> needed.put(t, key)).count();
                    p.check(matched > 0, s + " consumes " + key + "=" + pattern + ", which matches no service's topic");
                });
                for (Map.Entry<String, String> n : needed.entrySet()) {
                    JsonNode t = topics.get(n.getKey());
                    if (t == null) {
                        p.add(s + " uses the topic " + n.getKey() + " (" + n.getValue() + "); there is no KafkaTopic for it");
                        continue;
                    }
                    String name = "KafkaTopic " + t.path("metadata").path("name").asText();
                    p.check(t.path("spec").path("config").path("cleanup.policy").asText().equals("compact"),
                            name + ": cleanup.policy is '" + t.path("spec").path("config").path("cleanup.policy").asText() + "', not compact");
                    p.check(kafkas.contains(t.path("metadata").path("labels").path("strimzi.io/cluster").asText()),
                            name + " belongs to Kafka '" + t.path("metadata").path("labels").path("strimzi.io/cluster").asText() + "', not " + kafkas);
                }
                // The services reach that Kafka: its bootstrap Service and a listener's port.
                String bootstrap = env.value("KAFKA_BOOTSTRAP_SERVERS").orElse("");
                boolean reaches = false;
                for (JsonNode k : m.all("Kafka")) {
                    for (JsonNode l : k.path("spec").path("kafka").path("listeners")) {
                        reaches |= bootstrap.equals(k.path("metadata").path("name").asText() + "-kafka-bootstrap:" + l.path("port").asText());
                    }
                }
                p.check(reaches, s + ": KAFKA_BOOTSTRAP_SERVERS='" + bootstrap + "' is no listener of the Kafka");
            }
            p.assertNone(variant + ": topics");
        }
    }
}
