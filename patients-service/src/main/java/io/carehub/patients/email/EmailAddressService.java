package io.carehub.patients.email;

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
public class EmailAddressService implements CollectionService<EmailAddress> {

    private final EmailAddressRepository emailAddresses;
    private final PatientRepository patients;
    private final Outbox outbox;

    public EmailAddressService(EmailAddressRepository emailAddresses, PatientRepository patients, Outbox outbox) {
        this.emailAddresses = emailAddresses;
        this.patients = patients;
        this.outbox = outbox;
    }

    @Override
    @WithSession
    public Uni<EmailAddress> get(Partition partition, UUID id) {
        return emailAddresses.getIn(partition, id);
    }

    @Override
    @WithSession
    public Uni<PageRows<EmailAddress>> page(Partition partition, FindParameters find) {
        return emailAddresses.page(KeysetQuery.of(partition, find, false));
    }

    /** A new email address of a patient of the tenant, and its change event. */
    @Override
    @WithTransaction
    public Uni<EmailAddress> create(Partition partition, Fields fields) {
        UUID userId = fields.guid("user_id");
        return patients.checkUserId(partition, userId).chain(WriteStamp::now).chain(now -> insert(partition, userId, fields, now));
    }

    /** In the caller's transaction: a new email address of the patient {@code userId}, and its change event. */
    public Uni<EmailAddress> insert(Partition partition, UUID userId, Fields fields, Instant now) {
        EmailAddress email = new EmailAddress();
        email.created(partition, now);
        email.userId = userId;
        EmailAddressFields.apply(fields, email);
        return persist(email);
    }

    /** In the caller's transaction: the address a patient was created with ({@code email}). */
    public Uni<EmailAddress> insertAddress(Partition partition, UUID userId, String address, Instant now) {
        EmailAddress email = new EmailAddress();
        email.created(partition, now);
        email.userId = userId;
        email.email = address;
        return persist(email);
    }

    @Override
    @WithTransaction
    public Uni<EmailAddress> update(Partition partition, UUID id, Fields fields) {
        return emailAddresses.lockForUpdate(partition, id)
                .call(email -> {
                    EmailAddressFields.apply(fields, email);
                    return emailAddresses.flush().call(() -> outbox.record(email, EmailAddressFields.COLLECTION, ChangeOperation.UPDATED));
                });
    }

    private Uni<EmailAddress> persist(EmailAddress email) {
        return emailAddresses.persist(email).call(() -> outbox.record(email, EmailAddressFields.COLLECTION, ChangeOperation.CREATED));
    }
}
