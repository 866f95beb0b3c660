package io.carehub.assessments.patienttask;

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
import io.carehub.commons.tenancy.Partition;
import io.carehub.commons.validation.Fields;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PatientTaskService implements CollectionService<PatientTask> {

    private final PatientTaskRepository tasks;
    private final References references;
    private final Outbox outbox;

    public PatientTaskService(PatientTaskRepository tasks, References references, Outbox outbox) {
        this.tasks = tasks;
        this.references = references;
        this.outbox = outbox;
    }

    @Override
    @WithSession
    public Uni<PatientTask> get(Partition partition, UUID id) {
        return tasks.getIn(partition, id);
    }

    /** Deleted tasks only with {@code include_deleted=true}. */
    @Override
    @WithSession
    public Uni<PageRows<PatientTask>> page(Partition partition, FindParameters find) {
        return tasks.page(KeysetQuery.of(partition, find, true));
    }

    /** A task about a patient of the tenant, and its change event; the patient checked first, outside the transaction. */
    @Override
    public Uni<PatientTask> create(Partition partition, Fields fields) {
        return references.require(partition, "patients", fields.guid("user_id"), "user_id")
                .chain(() -> Panache.withTransaction(() -> WriteStamp.now().chain(now -> {
                    PatientTask task = new PatientTask();
                    task.created(partition, now);
                    PatientTaskFields.apply(fields, task);
                    return tasks.persist(task)
                            .call(() -> outbox.record(task, PatientTaskFields.COLLECTION, ChangeOperation.CREATED));
                })));
    }

    /**
     * Soft delete (API.md §2): the task is marked deleted with a newer {@code updated_at}, and a {@code deleted}
     * change event tells followers. A deleted task is gone from Get and Find (but Find with include_deleted), and a
     * second Delete is {@code 404}.
     */
    @Override
    public Uni<PatientTask> delete(Partition partition, UUID id) {
        return Panache.withTransaction(() -> tasks.lockForDelete(partition, id).call(task -> tasks.flush()
                .call(() -> outbox.record(task, PatientTaskFields.COLLECTION, ChangeOperation.DELETED))));
    }
}
