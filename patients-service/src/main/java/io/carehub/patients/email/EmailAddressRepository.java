package io.carehub.patients.email;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.collection.PartitionRepository;

@ApplicationScoped
public class EmailAddressRepository implements PartitionRepository<EmailAddress> {
}
