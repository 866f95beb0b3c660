package io.carehub.patients.phone;

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
public class PhoneNumberService implements CollectionService<PhoneNumber> {

    private final PhoneNumberRepository phoneNumbers;
    private final PatientRepository patients;
    private final Outbox outbox;

    public PhoneNumberService(PhoneNumberRepository phoneNumbers, PatientRepository patients, Outbox outbox) {
        this.phoneNumbers = phoneNumbers;
        this.patients = patients;
        this.outbox = outbox;
    }

    @Override
    @WithSession
    public Uni<PhoneNumber> get(Partition partition, UUID id) {
        return phoneNumbers.getIn(partition, id);
    }

    @Override
    @WithSession
    public Uni<PageRows<PhoneNumber>> page(Partition partition, FindParameters find) {
        return phoneNumbers.page(KeysetQuery.of(partition, find, false));
    }

    /** A new phone number of a patient of the tenant, and its change event. */
    @Override
    @WithTransaction
    public Uni<PhoneNumber> create(Partition partition, Fields fields) {
        UUID userId = fields.guid("user_id");
        return patients.checkUserId(partition, userId).chain(WriteStamp::now).chain(now -> insert(partition, userId, fields, now));
    }

    /** In the caller's transaction: a new phone number of the patient {@code userId}, and its change event. */
    public Uni<PhoneNumber> insert(Partition partition, UUID userId, Fields fields, Instant now) {
        PhoneNumber phone = new PhoneNumber();
        phone.created(partition, now);
        phone.userId = userId;
        PhoneNumberFields.apply(fields, phone);
        return persist(phone);
    }

    /** In the caller's transaction: the number a patient was created with ({@code phone}), of unspecified type. */
    public Uni<PhoneNumber> insertNumber(Partition partition, UUID userId, String number, Instant now) {
        PhoneNumber phone = new PhoneNumber();
        phone.created(partition, now);
        phone.userId = userId;
        phone.phoneNumber = number;
        phone.phoneNumberType = PhoneNumberFields.UNSPECIFIED_TYPE;
        return persist(phone);
    }

    @Override
    @WithTransaction
    public Uni<PhoneNumber> update(Partition partition, UUID id, Fields fields) {
        return phoneNumbers.lockForUpdate(partition, id)
                .call(phone -> {
                    PhoneNumberFields.apply(fields, phone);
                    return phoneNumbers.flush().call(() -> outbox.record(phone, PhoneNumberFields.COLLECTION, ChangeOperation.UPDATED));
                });
    }

    private Uni<PhoneNumber> persist(PhoneNumber phone) {
        return phoneNumbers.persist(phone).call(() -> outbox.record(phone, PhoneNumberFields.COLLECTION, ChangeOperation.CREATED));
    }
}
