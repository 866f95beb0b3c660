package io.carehub.patients.events;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A worker of scheduling-service that a {@code coach_id} may name, as its change events told us. */
@Entity
@Table(name = "known_workers")
@IdClass(KnownWorker.Key.class)
public class KnownWorker {

    @Id
    public String tenant;

    @Id
    @Column(name = "worker_id")
    public UUID workerId;

    @Column(name = "known_at", insertable = false, updatable = false)
    public Instant knownAt;

    public static class Key implements Serializable {

        public String tenant;
        public UUID workerId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(tenant, k.tenant) && Objects.equals(workerId, k.workerId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenant, workerId);
        }
    }
}
