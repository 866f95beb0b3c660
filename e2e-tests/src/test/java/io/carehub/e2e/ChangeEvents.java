package io.carehub.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a Kafka consumer of the platform sees: every change event of the services' {@code <service>.changes} topics,
 * read from the beginning, counted by change — (resource, id, {@code updated_at}) — so that acknowledged writes can
 * be compared with the events published for them (none missing; duplicates counted: delivery is at least once).
 */
final class ChangeEvents implements AutoCloseable {

    static final List<String> TOPICS = List.of("patients-service.changes", "scheduling-service.changes",
            "messaging-service.changes", "assessments-service.changes", "notifier-service.changes");

    /** One change: what the event's {@code data} names. */
    record Change(String resource, String id, Instant updatedAt) {
    }

    private final KafkaConsumer<String, String> consumer;
    /** Every change seen so far, with how many events carried it. */
    final Map<Change, Integer> seen = new HashMap<>();
    int events;
    /** The newest {@code updated_at} seen of each record key, per topic. */
    private final Map<String, Instant> newest = new HashMap<>();
    /**
     * Changes that first arrived after a newer change of the same key (a re-sent older one is a duplicate, not
     * this): the order per key that the topics promise, broken.
     */
    final List<Change> outOfOrder = new ArrayList<>();

    ChangeEvents(String bootstrap) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("key.deserializer", StringDeserializer.class.getName());
        props.put("value.deserializer", StringDeserializer.class.getName());
        props.put("enable.auto.commit", "false");
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : TOPICS) {
            consumer.partitionsFor(topic, Duration.ofSeconds(60))
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads what has arrived (one poll). */
    void poll() {
        for (var record : consumer.poll(Duration.ofMillis(500))) {
            events++;
            try {
                JsonNode data = Api.JSON.readTree(record.value()).path("data");
                Change change = new Change(data.path("resource").asText(), data.path("id").asText(),
                        Api.instant(data.path("updated_at").asText()));
                Instant before = newest.get(record.topic() + " " + record.key());
                if (before != null && change.updatedAt().isBefore(before) && !seen.containsKey(change)) {
                    outOfOrder.add(change);
                }
                if (before == null || change.updatedAt().isAfter(before)) {
                    newest.put(record.topic() + " " + record.key(), change.updatedAt());
                }
                seen.merge(change, 1, Integer::sum);
            } catch (Exception e) {
                seen.merge(new Change("unreadable", record.key(), Instant.EPOCH), 1, Integer::sum);
            }
        }
    }

    /** The acknowledged writes that no event carries (yet). */
    List<Workload.Write> missing(List<Workload.Write> writes) {
        List<Workload.Write> out = new ArrayList<>();
        for (Workload.Write w : writes) {
            if (!seen.containsKey(new Change(w.collection(), w.id(), w.updatedAt()))) {
                out.add(w);
            }
        }
        return out;
    }

    /**
     * Reads until every one of {@code writes} has its event or {@code within} has passed; returns when the last one
     * arrived (null if some are still missing).
     */
    Instant awaitAll(List<Workload.Write> writes, Duration within) {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            poll();
            if (missing(writes).isEmpty()) {
                return Instant.now();
            }
        }
        return null;
    }

    /** Of {@code writes}, how many changes were carried by more than one event (at least once, not exactly once). */
    int duplicated(List<Workload.Write> writes) {
        Map<Change, Boolean> counted = new HashMap<>();
        for (Workload.Write w : writes) {
            Change c = new Change(w.collection(), w.id(), w.updatedAt());
            if (seen.getOrDefault(c, 0) > 1) {
                counted.put(c, true);
            }
        }
        return counted.size();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
