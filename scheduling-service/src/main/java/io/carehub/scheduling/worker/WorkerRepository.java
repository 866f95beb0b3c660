package io.carehub.scheduling.worker;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.collection.TenantRepository;

@ApplicationScoped
public class WorkerRepository implements TenantRepository<Worker> {
}
