package io.carehub.patients.customdatatype;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CustomDataTypeVersionRepository implements PanacheRepositoryBase<CustomDataTypeVersion, CustomDataTypeVersion.Key> {
}
