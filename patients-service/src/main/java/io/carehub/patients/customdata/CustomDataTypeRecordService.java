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
import io.carehub.commons.tenancy.Partition;
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
    public Uni<CustomDataTypeRecord> get(Partition partition, UUID id) {
        return records.getIn(partition, id);
    }

    @Override
    @WithSession
    public Uni<PageRows<CustomDataTypeRecord>> page(Partition partition, FindParameters find) {
        return records.page(KeysetQuery.of(partition, find, false));
    }

    /** A new record about a patient of the tenant, and its change event. */
    @Override
    @WithTransaction
    public Uni<CustomDataTypeRecord> create(Partition partition, Fields fields) {
        UUID userId = fields.guid("user_id");
        return patients.checkUserId(partition, userId).chain(WriteStamp::now).chain(now -> insert(partition, userId, fields, now));
    }

    /** In the caller's transaction: a new record about the patient {@code userId}, and its change event. */
    public Uni<CustomDataTypeRecord> insert(Partition partition, UUID userId, Fields fields, Instant now) {
        CustomDataTypeRecord record = new CustomDataTypeRecord();
        record.created(partition, now);
        record.userId = userId;
        CustomDataTypeRecordFields.apply(fields, record);
        return records.persist(record).call(() -> outbox.record(record, CustomDataTypeRecordFields.COLLECTION, ChangeOperation.CREATED));
    }

    @Override
    @WithTransaction
    public Uni<CustomDataTypeRecord> update(Partition partition, UUID id, Fields fields) {
        return records.lockForUpdate(partition, id)
                .call(record -> {
                    CustomDataTypeRecordFields.apply(fields, record);
                    return records.flush().call(() -> outbox.record(record, CustomDataTypeRecordFields.COLLECTION, ChangeOperation.UPDATED));
                });
    }
}
