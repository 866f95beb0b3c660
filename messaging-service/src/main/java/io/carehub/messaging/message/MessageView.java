package io.carehub.messaging.message;

import java.time.Instant;
import java.util.UUID;

/** A message on the wire (API.md §4, messages). */
public record MessageView(String id, String userId, String workerId, String conversationId, String direction,
        String contents, boolean automaticallySent, Instant sendTime, Instant createdAt, Instant updatedAt) {

    public static MessageView of(Message m) {
        return new MessageView(m.id.toString(), m.userId.toString(), string(m.workerId), m.conversationId.toString(),
                m.direction, m.contents, m.automaticallySent, m.sendTime, m.createdAt, m.updatedAt);
    }

    private static String string(UUID id) {
        return id == null ? null : id.toString();
    }
}
