package io.carehub.notifier;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.carehub.commons.testing.TestKafka;
import io.carehub.commons.web.Timestamps;

/** Change events as the data services publish them (API.md §6: CloudEvents, structured JSON, key = resource id). */
public final class TestEvents {

    private static KafkaProducer<String, String> producer;

    private TestEvents() {
    }

    /**
     * Publishes a change of {@code resource} {@code id} in {@code tenant} at {@code updatedAt}, without an environment
     * (as an api_clients event, or one written before environments), and waits for the ack.
     */
    public static void publish(String topic, String tenant, String resource, String id, Instant updatedAt) {
        publish(topic, tenant, null, resource, id, updatedAt);
    }

    /** The same in {@code tenant}'s {@code environment} (null: none). */
    public static void publish(String topic, String tenant, String environment, String resource, String id,
            Instant updatedAt) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode data = json.objectNode().put("tenant", tenant);
        if (environment != null) {
            data.put("environment", environment);
        }
        data.put("resource", resource).put("id", id)
                .put("operation", "updated").put("updated_at", Timestamps.format(updatedAt));
        ObjectNode event = json.objectNode().put("specversion", "1.0").put("id", UUID.randomUUID().toString())
                .put("source", "/" + topic.replace(".changes", "")).put("type", resource + ".updated").put("subject", id)
                .put("time", Timestamps.format(Instant.now())).put("datacontenttype", "application/json");
        event.set("data", data);
        send(topic, id, event.toString());
    }

    /** Any record (e.g. a malformed one). */
    public static void send(String topic, String key, String value) {
        try {
            producer().send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish a test event", e);
        }
    }

    /** A distinct change time (microseconds, as stored). */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(p);
        }
        return producer;
    }
}
