package io.carehub.patients.patient;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.collection.CollectionService;
import io.carehub.commons.errors.ApiException;
import io.carehub.commons.errors.DatabaseErrors;
import io.carehub.commons.outbox.ChangeOperation;
import io.carehub.commons.outbox.Outbox;
import io.carehub.commons.paging.FindParameters;
import io.carehub.commons.paging.KeysetQuery;
import io.carehub.commons.paging.ListPage;
import io.carehub.commons.paging.ListParameters;
import io.carehub.commons.paging.ListQuery;
import io.carehub.commons.paging.PageRows;
import io.carehub.commons.persistence.WriteStamp;
import io.carehub.commons.references.References;
import io.carehub.commons.tenancy.Partition;
import io.carehub.commons.validation.Fields;
import io.carehub.patients.customdata.CustomDataTypeRecordService;
import io.carehub.patients.email.EmailAddressService;
import io.carehub.patients.externalid.ExternalIdService;
import io.carehub.patients.phone.PhoneNumberService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PatientService implements CollectionService<Patient> {

    /** Enforces one patient per external_id in a tenant's environment, also between concurrent writes. */
    static final String EXTERNAL_ID_UNIQUE = "patients_partition_external_id_key";

    private final PatientRepository patients;
    private final References references;
    private final PhoneNumberService phoneNumbers;
    private final EmailAddressService emailAddresses;
    private final ExternalIdService externalIds;
    private final CustomDataTypeRecordService customData;
    private final Outbox outbox;

    public PatientService(PatientRepository patients, References references,
            PhoneNumberService phoneNumbers, EmailAddressService emailAddresses, ExternalIdService externalIds,
            CustomDataTypeRecordService customData, Outbox outbox) {
        this.patients = patients;
        this.references = references;
        this.phoneNumbers = phoneNumbers;
        this.emailAddresses = emailAddresses;
        this.externalIds = externalIds;
        this.customData = customData;
        this.outbox = outbox;
    }

    @Override
    @WithSession
    public Uni<Patient> get(Partition partition, UUID id) {
        return patients.getIn(partition, id);
    }

    @Override
    @WithSession
    public Uni<PageRows<Patient>> page(Partition partition, FindParameters find) {
        return patients.page(KeysetQuery.of(partition, find, false));
    }

    @Override
    @WithSession
    public Uni<ListPage<Patient>> list(Partition partition, ListParameters list) {
        return patients.list(ListQuery.of(partition, list, false));
    }

    /**
     * A new patient and the records its Create names ({@code email}, {@code phone}, {@code phone_numbers},
     * {@code email_addresses}, {@code external_ids}, {@code custom_data_type_records}), with one change
     * event each, in one transaction: all of them or, on any failure, none. The coach is checked first, outside
     * the transaction: that may ask scheduling-service.
     */
    @Override
    public Uni<Patient> create(Partition partition, Fields fields) {
        return checkCoach(partition, fields).chain(() -> Panache.withTransaction(() -> WriteStamp.now().chain(now -> {
            Patient patient = new Patient();
            patient.created(partition, now);
            PatientFields.apply(fields, patient);
            // Flushed first: the records below reference it (foreign keys Hibernate does not know of).
            return patients.persistAndFlush(patient)
                    .call(() -> outbox.record(patient, PatientFields.COLLECTION, ChangeOperation.CREATED))
                    .call(() -> createRelated(partition, patient.id, fields, now))
                    .replaceWith(patient);
        }))).onFailure(e -> DatabaseErrors.isUniqueViolation(e, EXTERNAL_ID_UNIQUE)).transform(e -> duplicate(fields));
    }

    @Override
    public Uni<Patient> update(Partition partition, UUID id, Fields fields) {
        return checkCoach(partition, fields).chain(() -> Panache.withTransaction(() -> patients.lockForUpdate(partition, id)
                .call(patient -> {
                    PatientFields.apply(fields, patient);
                    return patients.flush().call(() -> outbox.record(patient, PatientFields.COLLECTION, ChangeOperation.UPDATED));
                }))).onFailure(e -> DatabaseErrors.isUniqueViolation(e, EXTERNAL_ID_UNIQUE)).transform(e -> duplicate(fields));
    }

    private static ApiException duplicate(Fields fields) {
        return ApiException.uniqueness(".external_id", "another patient of this tenant and environment has this external_id");
    }

    /** In request order, one after another: a session runs one statement at a time. */
    private Uni<Void> createRelated(Partition partition, UUID patientId, Fields fields, Instant now) {
        Uni<Void> done = Uni.createFrom().voidItem();
        if (fields.string("email") != null) {
            done = then(done, () -> emailAddresses.insertAddress(partition, patientId, fields.string("email"), now));
        }
        if (fields.string("phone") != null) {
            done = then(done, () -> phoneNumbers.insertNumber(partition, patientId, fields.string("phone"), now));
        }
        for (Fields phone : fields.<Fields>list("phone_numbers")) {
            done = then(done, () -> phoneNumbers.insert(partition, patientId, phone, now));
        }
        for (Fields email : fields.<Fields>list("email_addresses")) {
            done = then(done, () -> emailAddresses.insert(partition, patientId, email, now));
        }
        List<Fields> ids = fields.list("external_ids");
        for (int i = 0; i < ids.size(); i++) {
            Fields externalId = ids.get(i);
            String path = ".external_ids[" + i + "]";
            done = then(done, () -> externalIds.insertForPatient(partition, patientId, externalId, path, now));
        }
        List<Fields> records = fields.list("custom_data_type_records");
        for (int i = 0; i < records.size(); i++) {
            Fields record = records.get(i);
            String path = ".custom_data_type_records[" + i + "]";
            done = then(done, () -> customData.insert(partition, patientId, record, path, now));
        }
        return done;
    }

    private static Uni<Void> then(Uni<Void> before, Supplier<Uni<?>> next) {
        return before.chain(() -> next.get().replaceWithVoid());
    }

    /** A coach must be a worker of the tenant (a null or absent coach_id names none). */
    private Uni<Void> checkCoach(Partition partition, Fields fields) {
        return references.require(partition, "workers", fields.guid("coach_id"), "coach_id");
    }
}
