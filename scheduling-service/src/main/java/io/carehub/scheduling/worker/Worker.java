package io.carehub.scheduling.worker;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.carehub.commons.persistence.PartitionedResource;

/** A care team member (coach, nurse, ...). Patients' {@code coach_id} and calendars point at workers. */
@Entity
@Table(name = "workers")
public class Worker extends PartitionedResource {

    public String email;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "last_name")
    public String lastName;

    @Column(name = "phone_number")
    public String phoneNumber;

    public String timezone;

    public String gender;
}
