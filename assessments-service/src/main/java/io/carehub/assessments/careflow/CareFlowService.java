package io.carehub.assessments.careflow;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.collection.CollectionService;
import io.carehub.commons.outbox.ChangeOperation;
import io.carehub.commons.outbox.Outbox;
import io.carehub.commons.paging.FindParameters;
import io.carehub.commons.paging.KeysetQuery;
import io.carehub.commons.paging.PageRows;
import io.carehub.commons.persistence.WriteStamp;
import io.carehub.commons.references.References;
import io.carehub.commons.references.References.Reference;
import io.carehub.commons.tenancy.Partition;
import io.carehub.commons.validation.Fields;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CareFlowService implements CollectionService<CareFlow> {

    private final CareFlowRepository flows;
    private final References references;
    private final Outbox outbox;

    public CareFlowService(CareFlowRepository flows, References references, Outbox outbox) {
        this.flows = flows;
        this.references = references;
        this.outbox = outbox;
    }

    @Override
    @WithSession
    public Uni<CareFlow> get(Partition partition, UUID id) {
        return flows.getIn(partition, id);
    }

    @Override
    @WithSession
    public Uni<PageRows<CareFlow>> page(Partition partition, FindParameters find) {
        return flows.page(KeysetQuery.of(partition, find, false));
    }

    /**
     * A care flow of a patient of the tenant, and its change event. The patient and every worker its
     * interventions name are checked first, outside the transaction (that may ask patients-service and
     * scheduling-service); each one that does not exist is an error at its path.
     */
    @Override
    public Uni<CareFlow> create(Partition partition, Fields fields) {
        List<Reference> named = new ArrayList<>();
        named.add(new Reference("patients", fields.guid("user_id"), ".user_id"));
        named.addAll(CareFlowFields.workers(fields));
        return references.requireAll(partition, named)
                .chain(() -> Panache.withTransaction(() -> WriteStamp.now().chain(now -> {
                    CareFlow flow = new CareFlow();
                    flow.created(partition, now);
                    CareFlowFields.apply(fields, flow);
                    return flows.persist(flow)
                            .call(() -> outbox.record(flow, CareFlowFields.COLLECTION, ChangeOperation.CREATED));
                })));
    }

    /** Replaces the care flow (whole) of a care flow of the tenant, its workers checked first; and its change event. */
    @Override
    public Uni<CareFlow> update(Partition partition, UUID id, Fields fields) {
        return references.requireAll(partition, CareFlowFields.workers(fields))
                .chain(() -> Panache.withTransaction(() -> flows.lockForUpdate(partition, id).call(flow -> {
                    CareFlowFields.apply(fields, flow);
                    return flows.flush()
                            .call(() -> outbox.record(flow, CareFlowFields.COLLECTION, ChangeOperation.UPDATED));
                })));
    }
}
