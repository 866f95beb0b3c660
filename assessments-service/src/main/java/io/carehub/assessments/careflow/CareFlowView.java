package io.carehub.assessments.careflow;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A care flow on the wire (API.md §4, care_flows); {@code care_flow} with every documented field, in order. */
public record CareFlowView(String id, String userId, ObjectNode careFlow, Instant createdAt, Instant updatedAt) {

    public static CareFlowView of(CareFlow flow) {
        return new CareFlowView(flow.id.toString(), flow.userId.toString(), CareFlowFields.ordered(flow.careFlow),
                flow.createdAt, flow.updatedAt);
    }
}
