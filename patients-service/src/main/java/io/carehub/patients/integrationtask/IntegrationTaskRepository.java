package io.carehub.patients.integrationtask;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.collection.PartitionRepository;

@ApplicationScoped
public class IntegrationTaskRepository implements PartitionRepository<IntegrationTask> {
}
