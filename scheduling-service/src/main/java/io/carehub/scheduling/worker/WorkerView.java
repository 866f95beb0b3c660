package io.carehub.scheduling.worker;

import java.time.Instant;

/** A worker on the wire (API.md §4, workers). */
public record WorkerView(String id, String email, String firstName, String lastName, String phoneNumber,
        String timezone, String gender, Instant createdAt, Instant updatedAt) {

    public static WorkerView of(Worker w) {
        return new WorkerView(w.id.toString(), w.email, w.firstName, w.lastName, w.phoneNumber, w.timezone, w.gender,
                w.createdAt, w.updatedAt);
    }
}
