package io.carehub.patients.customdata;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.collection.TenantRepository;

@ApplicationScoped
public class CustomDataTypeRecordRepository implements TenantRepository<CustomDataTypeRecord> {
}
