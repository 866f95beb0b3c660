package io.carehub.patients.email;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.collection.CollectionService;
import io.carehub.commons.outbox.ChangeOperation;
import io.carehub.commons.outbox.Outbox;
import io.carehub.commons.paging.FindParameters;
import io.carehub.commons.paging.KeysetQuery;
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
    public Uni<EmailAddress> get(String tenant, UUID id) {
        return emailAddresses.getInTenant(tenant, id);
    }

    @Override
    @WithSession
    public Uni<List<EmailAddress>> page(String tenant, FindParameters find) {
        return emailAddresses.page(KeysetQuery.of(tenant, find, false));
    }

    /** A new email address of a patient of the tenant, and its change event. */
    @Override
    @WithTransaction
    public Uni<EmailAddress> create(String tenant, Fields fields) {
        UUID userId = fields.guid("user_id");
        return patients.checkUserId(tenant, userId).chain(() -> insert(tenant, userId, fields));
    }

    /** In the caller's transaction: a new email address of the patient {@code userId}, and its change event. */
    public Uni<EmailAddress> insert(String tenant, UUID userId, Fields fields) {
        EmailAddress email = new EmailAddress();
        email.created(tenant);
        email.userId = userId;
        EmailAddressFields.apply(fields, email);
        return persist(email);
    }

    /** In the caller's transaction: the address a patient was created with ({@code email}). */
    public Uni<EmailAddress> insertAddress(String tenant, UUID userId, String address) {
        EmailAddress email = new EmailAddress();
        email.created(tenant);
        email.userId = userId;
        email.email = address;
        return persist(email);
    }

    @Override
    @WithTransaction
    public Uni<EmailAddress> update(String tenant, UUID id, Fields fields) {
        return emailAddresses.getInTenant(tenant, id)
                .call(email -> {
                    EmailAddressFields.apply(fields, email);
                    email.changed();
                    return emailAddresses.flush().call(() -> outbox.record(email, EmailAddressFields.COLLECTION, ChangeOperation.UPDATED));
                });
    }

    private Uni<EmailAddress> persist(EmailAddress email) {
        return emailAddresses.persist(email).call(() -> outbox.record(email, EmailAddressFields.COLLECTION, ChangeOperation.CREATED));
    }
}
