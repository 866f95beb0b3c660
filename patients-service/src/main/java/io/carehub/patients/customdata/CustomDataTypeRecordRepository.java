package io.carehub.patients.customdata;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.collection.PartitionRepository;

@ApplicationScoped
public class CustomDataTypeRecordRepository implements PartitionRepository<CustomDataTypeRecord> {
}
