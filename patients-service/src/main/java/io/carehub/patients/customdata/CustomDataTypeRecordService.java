package io.carehub.patients.customdata;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.collection.CollectionService;
import io.carehub.commons.outbox.ChangeOperation;
import io.carehub.commons.outbox.Outbox;
import io.carehub.commons.paging.FindParameters;
import io.carehub.commons.paging.KeysetQuery;
import io.carehub.commons.paging.PageRows;
import io.carehub.commons.persistence.WriteStamp;
import io.carehub.commons.validation.Fields;
import io.carehub.patients.patient.PatientRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CustomDataTypeRecordService implements CollectionService<CustomDataTypeRecord> {

    private final CustomDataTypeRecordRepository records;
    private final PatientRepository patients;
    private final Outbox outbox;

    public CustomDataTypeRecordService(CustomDataTypeRecordRepository records, PatientRepository patients,
            Outbox outbox) {
        this.records = records;
        this.patients = patients;
        this.outbox = outbox;
    }

    @Override
    @WithSession
    public Uni<CustomDataTypeRecord> get(String tenant, UUID id) {
        return records.getInTenant(tenant, id);
    }

    @Override
    @WithSession
    public Uni<PageRows<CustomDataTypeRecord>> page(String tenant, FindParameters find) {
        return records.page(KeysetQuery.of(tenant, find, false));
    }

    /** A new record about a patient of the tenant, and its change event. */
    @Override
    @WithTransaction
    public Uni<CustomDataTypeRecord> create(String tenant, Fields fields) {
        UUID userId = fields.guid("user_id");
        return patients.checkUserId(tenant, userId).chain(WriteStamp::now).chain(now -> insert(tenant, userId, fields, now));
    }

    /** In the caller's transaction: a new record about the patient {@code userId}, and its change event. */
    public Uni<CustomDataTypeRecord> insert(String tenant, UUID userId, Fields fields, Instant now) {
        CustomDataTypeRecord record = new CustomDataTypeRecord();
        record.created(tenant, now);
        record.userId = userId;
        CustomDataTypeRecordFields.apply(fields, record);
        return records.persist(record).call(() -> outbox.record(record, CustomDataTypeRecordFields.COLLECTION, ChangeOperation.CREATED));
    }

    @Override
    @WithTransaction
    public Uni<CustomDataTypeRecord> update(String tenant, UUID id, Fields fields) {
        return records.lockForUpdate(tenant, id)
                .call(record -> {
                    CustomDataTypeRecordFields.apply(fields, record);
                    return records.flush().call(() -> outbox.record(record, CustomDataTypeRecordFields.COLLECTION, ChangeOperation.UPDATED));
                });
    }
}
