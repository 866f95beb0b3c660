package io.carehub.commons.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import io.carehub.commons.tenancy.Partition;

/**
 * A resource of a tenant's data (API-CORE.md §C1): stored in one environment of its tenant and seen only there.
 * Every collection of patients, schedules, messages and assessments is one; only tenant-wide records (api_clients)
 * are a plain {@link TenantResource}.
 */
@MappedSuperclass
public abstract class PartitionedResource extends TenantResource {

    @Column(nullable = false, updatable = false)
    public String environment;

    /** A new resource of {@code partition}: a fresh id and both timestamps {@code now}, the write's {@link WriteStamp}. */
    public void created(Partition partition, Instant now) {
        created(partition.tenant(), now);
        this.environment = partition.environment();
    }

    public Partition partition() {
        return new Partition(tenant, environment);
    }

    /** Whether it lives in {@code partition}. */
    public boolean isIn(Partition partition) {
        return partition.tenant().equals(tenant) && partition.environment().equals(environment);
    }
}
