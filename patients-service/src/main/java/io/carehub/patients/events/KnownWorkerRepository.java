package io.carehub.patients.events;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class KnownWorkerRepository implements PanacheRepositoryBase<KnownWorker, KnownWorker.Key> {

    /** Whether {@code workerId} names a worker of {@code tenant}, as far as this service has heard. */
    public Uni<Boolean> isKnown(String tenant, UUID workerId) {
        return count("tenant = ?1 and workerId = ?2", tenant, workerId).map(n -> n > 0);
    }
}
