package io.carehub.patients.customdata;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.collection.DeletableRepository;
import io.carehub.commons.tenancy.Partition;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CustomDataTypeRecordRepository implements DeletableRepository<CustomDataTypeRecord> {

    /** Whether the patient {@code userId} has a record of type {@code typeName} other than {@code except} (may be null). */
    public Uni<Boolean> hasAnother(Partition partition, UUID userId, String typeName, UUID except) {
        return count("tenant = ?1 and environment = ?2 and userId = ?3 and typeName = ?4 and deleted = false and id <> ?5",
                partition.tenant(), partition.environment(), userId, typeName,
                except == null ? new UUID(0, 0) : except).map(n -> n > 0);
    }
}
