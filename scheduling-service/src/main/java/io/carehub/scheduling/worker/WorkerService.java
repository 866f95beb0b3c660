package io.carehub.scheduling.worker;

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
import io.carehub.scheduling.calendar.Calendar;
import io.carehub.scheduling.calendar.CalendarRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class WorkerService implements CollectionService<Worker> {

    static final String EMAIL_UNIQUE_INDEX = "workers_partition_email_key";

    private final WorkerRepository workers;
    private final CalendarRepository calendars;
    private final Outbox outbox;

    public WorkerService(WorkerRepository workers, CalendarRepository calendars, Outbox outbox) {
        this.workers = workers;
        this.calendars = calendars;
        this.outbox = outbox;
    }

    @Override
    @WithSession
    public Uni<Worker> get(Partition partition, UUID id) {
        return workers.getIn(partition, id);
    }

    @Override
    @WithSession
    public Uni<PageRows<Worker>> page(Partition partition, FindParameters find) {
        return workers.page(KeysetQuery.of(partition, find, false));
    }

    /** A new worker and its calendar, with one change event each, in one transaction. */
    @Override
    @WithTransaction
    public Uni<Worker> create(Partition partition, Fields fields) {
        return WriteStamp.now().chain(now -> {
            Worker worker = new Worker();
            worker.created(partition, now);
            WorkerFields.apply(fields, worker);
            Calendar calendar = new Calendar();
            calendar.created(partition, now);
            calendar.workerId = worker.id;
            return workers.persistAndFlush(worker)
                    .call(() -> calendars.persistAndFlush(calendar))
                    .call(() -> outbox.record(worker, "workers", ChangeOperation.CREATED))
                    .call(() -> outbox.record(calendar, "calendars", ChangeOperation.CREATED));
        })
                .onFailure(e -> DatabaseErrors.isUniqueViolation(e, EMAIL_UNIQUE_INDEX))
                .transform(e -> duplicateEmail());
    }

    @Override
    @WithTransaction
    public Uni<Worker> update(Partition partition, UUID id, Fields fields) {
        return workers.lockForUpdate(partition, id)
                .call(worker -> {
                    WorkerFields.apply(fields, worker);
                    return workers.flush()
                            .call(() -> outbox.record(worker, "workers", ChangeOperation.UPDATED));
                })
                .onFailure(e -> DatabaseErrors.isUniqueViolation(e, EMAIL_UNIQUE_INDEX))
                .transform(e -> duplicateEmail());
    }

    private static ApiException duplicateEmail() {
        return ApiException.uniqueness(".email", "a worker with this email already exists");
    }
}
