package io.carehub.patients.integrationtask;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.collection.TenantRepository;

@ApplicationScoped
public class IntegrationTaskRepository implements TenantRepository<IntegrationTask> {
}
