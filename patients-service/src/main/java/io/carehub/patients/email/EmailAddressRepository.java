package io.carehub.patients.email;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.collection.TenantRepository;

@ApplicationScoped
public class EmailAddressRepository implements TenantRepository<EmailAddress> {
}
