package io.carehub.commons.outbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.carehub.commons.persistence.PartitionedResource;
import io.carehub.commons.persistence.TenantResource;
import io.carehub.commons.tenancy.Partition;
import io.carehub.commons.web.Timestamps;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Records a change event in the caller's transaction (the transactional outbox, API.md §6). Call it from
 * inside {@code @WithTransaction} after the change: the event is committed with the change or not at all,
 * and the {@link OutboxRelay} publishes it to {@code <service>.changes} afterwards.
 */
@ApplicationScoped
public class Outbox {

    private final String service;
    private final String topic;

    public Outbox(@ConfigProperty(name = "quarkus.application.name") String service) {
        this.service = service;
        this.topic = service + ".changes";
    }

    /**
     * The change of a record of a partition's, or of a tenant-wide one ({@code environment} null: api_clients), whose
     * event has no {@code environment}: it concerns every environment of the tenant.
     */
    private Uni<Void> record(String tenant, String environment, String resource, UUID id, ChangeOperation operation,
            Instant updatedAt) {
        OutboxEvent event = event(tenant, environment, resource, id, operation, updatedAt);
        return Panache.getSession().chain(session -> session.persist(event));
    }

    /**
     * The same, for a change written with the reactive SQL client rather than Hibernate: {@code client} must be
     * the connection of the change's transaction ({@code pool.withTransaction(c -> ...)}).
     */
    public Uni<Void> record(SqlClient client, Partition partition, String resource, UUID id, ChangeOperation operation,
            Instant updatedAt) {
        OutboxEvent event = event(partition.tenant(), partition.environment(), resource, id, operation, updatedAt);
        return client.preparedQuery("INSERT INTO outbox_events (id, topic, message_key, payload, created_at)"
                + " VALUES ($1, $2, $3, $4, $5)")
                .execute(Tuple.of(event.id, event.topic, event.messageKey, event.payload,
                        event.createdAt.atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    private OutboxEvent event(String tenant, String environment, String resource, UUID id, ChangeOperation operation,
            Instant updatedAt) {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.topic = topic;
        event.messageKey = id.toString();
        event.createdAt = Timestamps.now();
        event.payload = cloudEvent(event, tenant, environment, resource, id, operation, updatedAt);
        return event;
    }

    /** The change of {@code resource} (its partition, id and {@code updated_at}), a member of {@code collection}. */
    public Uni<Void> record(PartitionedResource resource, String collection, ChangeOperation operation) {
        return record(resource.tenant, resource.environment, collection, resource.id, operation, resource.updatedAt);
    }

    /**
     * The change of a tenant-wide {@code resource} (an api_client): its event names the tenant and no environment, as
     * it concerns every environment of the tenant.
     */
    public Uni<Void> recordTenantWide(TenantResource resource, String collection, ChangeOperation operation) {
        return record(resource.tenant, null, collection, resource.id, operation, resource.updatedAt);
    }

    public String topic() {
        return topic;
    }

    private String cloudEvent(OutboxEvent event, String tenant, String environment, String resource, UUID id,
            ChangeOperation operation, Instant updatedAt) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode data = json.objectNode().put("tenant", tenant);
        if (environment != null) {
            data.put("environment", environment);
        }
        data.put("resource", resource)
                .put("id", id.toString())
                .put("operation", operation.wireName())
                .put("updated_at", Timestamps.format(updatedAt));
        ObjectNode envelope = json.objectNode()
                .put("specversion", "1.0")
                .put("id", event.id.toString())
                .put("source", "/" + service)
                .put("type", resource + "." + operation.wireName())
                .put("subject", id.toString())
                .put("time", Timestamps.format(event.createdAt))
                .put("datacontenttype", "application/json");
        envelope.set("data", data);
        return envelope.toString();
    }
}
