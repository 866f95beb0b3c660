package io.carehub.commons.references;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

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

import io.carehub.commons.tenancy.Partition;
import io.carehub.commons.validation.Types;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Feeds {@link KnownReferences} from the owners' change topics ({@link ReferencesConfig}): a
 * {@code created}/{@code updated} event of a referenced collection makes its id known, a {@code deleted} one
 * forgets it. The topics are compacted ({@code cleanup.policy=compact}), and a new consumer group starts at their
 * beginning, so a service deployed later, or whose database was rebuilt, learns every id ever made.
 * <p>
 * At least once: a batch is stored, then its offsets are committed; a batch that cannot be stored is retried
 * from its first record. The consumer runs on its own thread (a Kafka consumer blocks), in the service's group,
 * so that replicas share the partitions. Events are only a feed: {@link References} asks the owner about an id
 * they have not brought yet, so a reference check never waits for them.
 */
@ApplicationScoped
public class ReferenceFeed {

    private static final Logger LOG = Logger.getLogger(ReferenceFeed.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(30);

    private final KnownReferences known;
    private final ReferencesConfig config;
    private final String groupId;
    private final String bootstrapServers;
    private final Counter stored;

    private volatile boolean running;
    private KafkaConsumer<String, String> consumer;
    private Thread thread;

    @Inject
    public ReferenceFeed(KnownReferences known, ReferencesConfig config, MeterRegistry metrics,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this(known, config, config.groupId(), metrics, bootstrapServers);
    }

    /** A feed in a group of its own (tests: a service that starts on an empty database). */
    public ReferenceFeed(KnownReferences known, ReferencesConfig config, String groupId, MeterRegistry metrics,
            String bootstrapServers) {
        this.known = known;
        this.config = config;
        this.groupId = groupId;
        this.bootstrapServers = bootstrapServers;
        this.stored = Counter.builder("carehub.references.events.stored")
                .description("Change events of referenced collections stored into known_references").register(metrics);
    }

    void onStart(@Observes StartupEvent event) {
        if (config.collections().isEmpty()) {
            return;
        }
        if (!config.consume()) {
            LOG.info("reference feed disabled: unknown ids are asked of their owners");
            return;
        }
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    public synchronized void start() {
        consumer = new KafkaConsumer<>(consumerProperties());
        running = true;
        thread = new Thread(this::run, "reference-feed");
        thread.setDaemon(true);
        thread.start();
    }

    public synchronized void stop() {
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
            consumer.subscribe(config.collections().values().stream().map(ReferencesConfig.Owner::topic).distinct().toList());
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
                    LOG.warnf("reference feed: batch not stored, retried from its first record: %s", e.getClass().getSimpleName());
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

    /** Stores what a batch says about referenced collections; events of other collections are skipped. */
    private void store(ConsumerRecords<String, String> records) {
        Map<String, ReferencesConfig.Owner> collections = config.collections();
        List<Tuple> made = new ArrayList<>();
        List<Tuple> gone = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            JsonNode data = dataOf(record);
            String collection = data == null ? null : data.path("resource").asText("");
            ReferencesConfig.Owner owner = collection == null ? null : collections.get(collection);
            if (owner == null || !owner.topic().equals(record.topic())) {
                continue;
            }
            String tenant = data.path("tenant").asText("");
            // An event from before environments has none: all data of then is live.
            String environment = data.path("environment").asText(Partition.LIVE);
            UUID id = Types.parseGuid(data.path("id").asText(""));
            if (tenant.isBlank() || id == null) {
                LOG.warnf("reference feed: skipped an event without tenant or id at %s-%d@%d", record.topic(),
                        record.partition(), record.offset());
                continue;
            }
            switch (data.path("operation").asText("")) {
                case "created", "updated" -> made.add(Tuple.of(collection, tenant, environment, id));
                case "deleted" -> gone.add(Tuple.of(collection, tenant, environment, id));
                default -> LOG.warnf("reference feed: skipped an event of unknown operation at %s-%d@%d", record.topic(),
                        record.partition(), record.offset());
            }
        }
        known.remember(made).await().atMost(STORE_TIMEOUT);
        known.forget(gone).await().atMost(STORE_TIMEOUT);
        stored.increment(made.size() + gone.size());
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
        LOG.warnf("reference feed: skipped a record that is not a CloudEvent at %s-%d@%d", record.topic(),
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
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId + "-references");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // A new group reads the compacted topics from their beginning: every id ever made.
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        return p;
    }
}
