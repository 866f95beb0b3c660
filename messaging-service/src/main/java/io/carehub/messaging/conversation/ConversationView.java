package io.carehub.messaging.conversation;

import java.time.Instant;

/** A conversation on the wire (API.md §4, conversations). */
public record ConversationView(String id, String userId, String conversationType, Instant createdAt, Instant updatedAt) {

    public static ConversationView of(Conversation c) {
        return new ConversationView(c.id.toString(), c.userId.toString(), c.conversationType, c.createdAt, c.updatedAt);
    }
}
