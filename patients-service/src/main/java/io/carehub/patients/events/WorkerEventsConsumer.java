package io.carehub.patients.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.carehub.commons.validation.Types;
import io.carehub.patients.config.WorkerEventsConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Keeps {@code known_workers}, the workers a patient's {@code coach_id} may name, from scheduling-service's
 * change events ({@code scheduling-service.changes}: {@code workers.created}/{@code updated} add a worker,
 * {@code workers.deleted} removes one).
 * <p>
 * Why a local table rather than a call to scheduling-service's API: a patient write never depends on
 * scheduling-service being up, and costs one indexed lookup in our own database. The price is that the
 * table is <em>eventually</em> consistent: a worker created a moment ago may be unknown here until its
 * event has gone through scheduling-service's outbox relay and this consumer (normally well under a
 * second), and a patient created with its id in that window is refused with {@code 404 resource_not_found}
 * (retrying succeeds). It also only knows workers whose events are still in the topic when this service
 * first consumes it; a fresh deployment beside an older scheduling-service must be seeded.
 * <p>
 * At least once: a batch is stored, then its offsets are committed; a batch that cannot be stored is
 * retried from its first record. Storing is idempotent ({@code ON CONFLICT DO NOTHING}), so a redelivered
 * event does no harm. The consumer runs on its own thread (a Kafka consumer blocks), in the group
 * {@code patients-service}, so that replicas share the partitions.
 */
@ApplicationScoped
public class WorkerEventsConsumer {

    private static final Logger LOG = Logger.getLogger(WorkerEventsConsumer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(30);

    private final Pool pool;
    private final WorkerEventsConfig config;
    private final String bootstrapServers;
    private final Counter stored;

    private volatile boolean running;
    private KafkaConsumer<String, String> consumer;
    private Thread thread;

    public WorkerEventsConsumer(Pool pool, WorkerEventsConfig config, MeterRegistry metrics,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.pool = pool;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.stored = Counter.builder("carehub.worker.events.stored")
                .description("Worker change events stored into known_workers").register(metrics);
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("worker events consumer disabled: coach_id is checked against known_workers as it stands");
            return;
        }
        consumer = new KafkaConsumer<>(consumerProperties());
        running = true;
        thread = new Thread(this::run, "worker-events-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (!running) {
            return;
        }
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            consumer.subscribe(List.of(config.topic()));
            while (running) {
                ConsumerRecords<String, String> records = ConsumerRecords.empty();
                try {
                    records = consumer.poll(Duration.ofSeconds(1));
                    if (!records.isEmpty()) {
                        store(records);
                        consumer.commitSync();
                    }
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException e) {
                    // The database or Kafka failed us, or the group rebalanced: nothing is lost, the batch comes again.
                    LOG.warnf("worker events: batch not stored, retried from its first record: %s", e.getMessage());
                    rewind(records);
                    pause(config.retryBackoff());
                }
            }
        } catch (WakeupException e) {
            // stop() asked us to
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Stores what a batch says about workers; events of other resources are skipped. */
    private void store(ConsumerRecords<String, String> records) {
        List<Tuple> known = new ArrayList<>();
        List<Tuple> gone = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            JsonNode data = dataOf(record);
            if (data == null || !"workers".equals(data.path("resource").asText())) {
                continue;
            }
            String tenant = data.path("tenant").asText("");
            UUID id = Types.parseGuid(data.path("id").asText(""));
            if (tenant.isBlank() || id == null) {
                LOG.warnf("worker events: skipped a workers event without tenant or id at %s-%d@%d", record.topic(),
                        record.partition(), record.offset());
                continue;
            }
            switch (data.path("operation").asText("")) {
                case "created", "updated" -> known.add(Tuple.of(tenant, id));
                case "deleted" -> gone.add(Tuple.of(tenant, id));
                default -> LOG.warnf("worker events: skipped a workers event of unknown operation at %s-%d@%d",
                        record.topic(), record.partition(), record.offset());
            }
        }
        if (!known.isEmpty()) {
            pool.preparedQuery("INSERT INTO known_workers (tenant, worker_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                    .executeBatch(known).await().atMost(STORE_TIMEOUT);
        }
        if (!gone.isEmpty()) {
            pool.preparedQuery("DELETE FROM known_workers WHERE tenant = $1 AND worker_id = $2")
                    .executeBatch(gone).await().atMost(STORE_TIMEOUT);
        }
        stored.increment(known.size() + gone.size());
    }

    /** The {@code data} of a CloudEvent, or null for a record that is not one (skipped: retrying cannot help). */
    private static JsonNode dataOf(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return null;
        }
        try {
            JsonNode data = JSON.readTree(record.value()).get("data");
            if (data != null && data.isObject()) {
                return data;
            }
        } catch (java.io.IOException e) {
            // reported below
        }
        LOG.warnf("worker events: skipped a record that is not a CloudEvent at %s-%d@%d", record.topic(),
                record.partition(), record.offset());
        return null;
    }

    /** Back to the first record of the batch of each partition, so that the batch is polled again. */
    private void rewind(ConsumerRecords<String, String> records) {
        var assigned = consumer.assignment();
        for (TopicPartition partition : records.partitions()) {
            // A partition lost in a rebalance is its new owner's to re-read, from the last committed offset.
            if (assigned.contains(partition)) {
                consumer.seek(partition, records.records(partition).get(0).offset());
            }
        }
    }

    private void pause(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private Properties consumerProperties() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, config.groupId() + "-worker-events");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // A new group starts from the oldest event still kept, to learn of every worker it can.
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        return p;
    }
}
