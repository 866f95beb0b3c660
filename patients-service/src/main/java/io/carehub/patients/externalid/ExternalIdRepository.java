package io.carehub.patients.externalid;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.collection.TenantRepository;

@ApplicationScoped
public class ExternalIdRepository implements TenantRepository<ExternalId> {
}
