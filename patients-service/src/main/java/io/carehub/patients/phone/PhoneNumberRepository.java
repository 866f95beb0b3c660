package io.carehub.patients.phone;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.collection.TenantRepository;

@ApplicationScoped
public class PhoneNumberRepository implements TenantRepository<PhoneNumber> {
}
