package io.carehub.patients.phone;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.collection.PartitionRepository;

@ApplicationScoped
public class PhoneNumberRepository implements PartitionRepository<PhoneNumber> {
}
