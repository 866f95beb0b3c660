package io.carehub.patients.externalid;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.collection.PartitionRepository;

@ApplicationScoped
public class ExternalIdRepository implements PartitionRepository<ExternalId> {
}
