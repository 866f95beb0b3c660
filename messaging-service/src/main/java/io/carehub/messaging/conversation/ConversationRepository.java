package io.carehub.messaging.conversation;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.collection.TenantRepository;
import io.carehub.commons.errors.ApiException;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ConversationRepository implements TenantRepository<Conversation> {

    /**
     * Succeeds if {@code id} names a conversation of {@code tenant} with the patient {@code userId}: what a
     * message's {@code conversation_id} must do. Else fails with the reference error at {@code conversation_id}
     * ({@code 404 resource_not_found}): another patient's conversation is, to this message, none.
     */
    public Uni<Void> checkOfPatient(String tenant, UUID id, UUID userId) {
        return count("tenant = ?1 and userId = ?2 and id = ?3", tenant, userId, id)
                .chain(n -> n > 0 ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(ApiException.referenceNotFound("conversation_id")));
    }
}
