package io.carehub.patients.externalid;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.collection.CollectionService;
import io.carehub.commons.errors.ApiException;
import io.carehub.commons.errors.DatabaseErrors;
import io.carehub.commons.outbox.ChangeOperation;
import io.carehub.commons.outbox.Outbox;
import io.carehub.commons.paging.FindParameters;
import io.carehub.commons.paging.KeysetQuery;
import io.carehub.commons.paging.PageRows;
import io.carehub.commons.persistence.WriteStamp;
import io.carehub.commons.tenancy.Partition;
import io.carehub.commons.validation.Fields;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ExternalIdService implements CollectionService<ExternalId> {

    /** Enforces one (namespace, resource, external_id) per tenant, also between concurrent creates. */
    static final String UNIQUE_INDEX = "external_ids_partition_namespace_resource_external_id_key";

    private final ExternalIdRepository externalIds;
    private final Outbox outbox;

    public ExternalIdService(ExternalIdRepository externalIds, Outbox outbox) {
        this.externalIds = externalIds;
        this.outbox = outbox;
    }

    @Override
    @WithSession
    public Uni<ExternalId> get(Partition partition, UUID id) {
        return externalIds.getIn(partition, id);
    }

    @Override
    @WithSession
    public Uni<PageRows<ExternalId>> page(Partition partition, FindParameters find) {
        return externalIds.page(KeysetQuery.of(partition, find, false));
    }

    @Override
    @WithTransaction
    public Uni<ExternalId> create(Partition partition, Fields fields) {
        return WriteStamp.now().chain(now -> {
            ExternalId externalId = new ExternalId();
            externalId.created(partition, now);
            ExternalIdFields.apply(fields, externalId);
            return persist(externalId, "");
        });
    }

    /**
     * In the caller's transaction: an external id of the patient {@code patientId} and its change event;
     * {@code path} names the item in the request (e.g. {@code .external_ids[1]}) should it be a duplicate.
     */
    public Uni<ExternalId> insertForPatient(Partition partition, UUID patientId, Fields fields, String path, Instant now) {
        ExternalId externalId = new ExternalId();
        externalId.created(partition, now);
        externalId.resource = ExternalIdFields.PATIENTS;
        externalId.namespace = fields.string("namespace");
        externalId.externalId = fields.string("external_id");
        externalId.welkinId = patientId;
        return persist(externalId, path);
    }

    @Override
    @WithTransaction
    public Uni<ExternalId> update(Partition partition, UUID id, Fields fields) {
        return externalIds.lockForUpdate(partition, id)
                .call(externalId -> {
                    ExternalIdFields.apply(fields, externalId);
                    return externalIds.flush()
                            .onFailure(e -> DatabaseErrors.isUniqueViolation(e, UNIQUE_INDEX))
                            .transform(e -> duplicate(""))
                            .call(() -> outbox.record(externalId, ExternalIdFields.COLLECTION, ChangeOperation.UPDATED));
                });
    }

    /** Flushed at once, so that a duplicate is reported here, naming its item, rather than at commit. */
    private Uni<ExternalId> persist(ExternalId externalId, String path) {
        return externalIds.persistAndFlush(externalId)
                .onFailure(e -> DatabaseErrors.isUniqueViolation(e, UNIQUE_INDEX)).transform(e -> duplicate(path))
                .call(() -> outbox.record(externalId, ExternalIdFields.COLLECTION, ChangeOperation.CREATED));
    }

    private static ApiException duplicate(String path) {
        return ApiException.uniqueness(path + ".external_id",
                "an external id with this namespace, resource and external_id already exists");
    }
}
