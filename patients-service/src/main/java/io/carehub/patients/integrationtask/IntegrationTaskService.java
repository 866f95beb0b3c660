package io.carehub.patients.integrationtask;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.errors.ApiException;
import io.carehub.commons.outbox.ChangeOperation;
import io.carehub.commons.outbox.Outbox;
import io.carehub.commons.paging.FindParameters;
import io.carehub.commons.paging.KeysetQuery;
import io.carehub.commons.paging.PageOf;
import io.carehub.commons.validation.Fields;
import io.carehub.patients.patient.PatientRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class IntegrationTaskService {

    private final IntegrationTaskRepository tasks;
    private final PatientRepository patients;
    private final Outbox outbox;

    public IntegrationTaskService(IntegrationTaskRepository tasks, PatientRepository patients, Outbox outbox) {
        this.tasks = tasks;
        this.patients = patients;
        this.outbox = outbox;
    }

    @WithSession
    public Uni<IntegrationTask> get(String tenant, UUID id) {
        return tasks.findInTenant(tenant, id).onItem().ifNull().failWith(ApiException::notFound);
    }

    @WithSession
    public Uni<PageOf<IntegrationTask>> find(String tenant, FindParameters find) {
        return tasks.page(KeysetQuery.of(tenant, find, false))
                .map(rows -> PageOf.of(rows, find.page(), t -> t.updatedAt, t -> t.id));
    }

    @WithSession
    public Uni<List<IntegrationTask>> batch(String tenant, FindParameters find) {
        return tasks.batch(KeysetQuery.of(tenant, find, false), find.page().size());
    }

    /** A new task (of a patient of the tenant, when user_id is given) and its change event. */
    @WithTransaction
    public Uni<IntegrationTask> create(String tenant, Fields fields) {
        IntegrationTask task = new IntegrationTask();
        task.created(tenant);
        task.status = IntegrationTaskFields.INITIAL_STATUS;
        task.userId = fields.guid("user_id");
        IntegrationTaskFields.apply(fields, task);
        Uni<Boolean> userKnown = task.userId == null ? Uni.createFrom().item(true)
                : patients.existsInTenant(tenant, task.userId);
        return userKnown.chain(known -> known
                ? tasks.persist(task).call(() -> changed(task, ChangeOperation.CREATED))
                : Uni.createFrom().failure(ApiException.referenceNotFound("user_id")));
    }

    @WithTransaction
    public Uni<IntegrationTask> update(String tenant, UUID id, Fields fields) {
        return tasks.findInTenant(tenant, id).onItem().ifNull().failWith(ApiException::notFound)
                .call(task -> {
                    IntegrationTaskFields.apply(fields, task);
                    task.changed();
                    return tasks.flush().call(() -> changed(task, ChangeOperation.UPDATED));
                });
    }

    private Uni<Void> changed(IntegrationTask task, ChangeOperation operation) {
        return outbox.record(task.tenant, IntegrationTaskFields.COLLECTION, task.id, operation, task.updatedAt);
    }
}
