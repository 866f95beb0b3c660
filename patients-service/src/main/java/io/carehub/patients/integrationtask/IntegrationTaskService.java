package io.carehub.patients.integrationtask;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.collection.CollectionService;
import io.carehub.commons.outbox.ChangeOperation;
import io.carehub.commons.outbox.Outbox;
import io.carehub.commons.paging.FindParameters;
import io.carehub.commons.paging.KeysetQuery;
import io.carehub.commons.paging.PageRows;
import io.carehub.commons.persistence.WriteStamp;
import io.carehub.commons.tenancy.Partition;
import io.carehub.commons.validation.Fields;
import io.carehub.patients.patient.PatientRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class IntegrationTaskService implements CollectionService<IntegrationTask> {

    private final IntegrationTaskRepository tasks;
    private final PatientRepository patients;
    private final Outbox outbox;

    public IntegrationTaskService(IntegrationTaskRepository tasks, PatientRepository patients, Outbox outbox) {
        this.tasks = tasks;
        this.patients = patients;
        this.outbox = outbox;
    }

    @Override
    @WithSession
    public Uni<IntegrationTask> get(Partition partition, UUID id) {
        return tasks.getIn(partition, id);
    }

    @Override
    @WithSession
    public Uni<PageRows<IntegrationTask>> page(Partition partition, FindParameters find) {
        return tasks.page(KeysetQuery.of(partition, find, false));
    }

    /** A new task (of a patient of the tenant, when user_id is given) and its change event. */
    @Override
    @WithTransaction
    public Uni<IntegrationTask> create(Partition partition, Fields fields) {
        UUID userId = fields.guid("user_id");
        Uni<Void> userKnown = userId == null ? Uni.createFrom().voidItem() : patients.checkUserId(partition, userId);
        return userKnown.chain(WriteStamp::now).chain(now -> {
            IntegrationTask task = new IntegrationTask();
            task.created(partition, now);
            task.status = IntegrationTaskFields.INITIAL_STATUS;
            task.userId = userId;
            IntegrationTaskFields.apply(fields, task);
            return tasks.persist(task).call(() -> outbox.record(task, IntegrationTaskFields.COLLECTION, ChangeOperation.CREATED));
        });
    }

    @Override
    @WithTransaction
    public Uni<IntegrationTask> update(Partition partition, UUID id, Fields fields) {
        return tasks.lockForUpdate(partition, id)
                .call(task -> {
                    IntegrationTaskFields.apply(fields, task);
                    return tasks.flush().call(() -> outbox.record(task, IntegrationTaskFields.COLLECTION, ChangeOperation.UPDATED));
                });
    }
}
