package io.carehub.scheduling.worker;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.references.OwnedCollection;
import io.carehub.commons.tenancy.Partition;
import io.smallrye.mutiny.Uni;

/** Workers, as other services' fields name them ({@code coach_id}, {@code worker_id}): the internal reference endpoint. */
@ApplicationScoped
public class WorkerReferences implements OwnedCollection {

    private final WorkerRepository workers;

    public WorkerReferences(WorkerRepository workers) {
        this.workers = workers;
    }

    @Override
    public String name() {
        return "workers";
    }

    @Override
    public Uni<Boolean> exists(Partition partition, UUID id) {
        return workers.existsIn(partition, id);
    }
}
