package io.carehub.scheduling.worker;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.collection.PartitionRepository;

@ApplicationScoped
public class WorkerRepository implements PartitionRepository<Worker> {
}
