package io.carehub.patients.integrationtask;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/** An integration task on the wire (API.md §4, integration_tasks). */
public record IntegrationTaskView(String id, String status, String userId, JsonNode refIds, String jobId,
        String taskName, JsonNode errors, Instant createdAt, Instant updatedAt) {

    public static IntegrationTaskView of(IntegrationTask t) {
        return new IntegrationTaskView(t.id.toString(), t.status, t.userId == null ? null : t.userId.toString(),
                t.refIds, t.jobId, t.taskName, t.errors, t.createdAt, t.updatedAt);
    }
}
