package io.carehub.messaging.conversation;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.carehub.commons.collection.PartitionRepository;
import io.carehub.commons.errors.ApiException;
import io.carehub.commons.tenancy.Partition;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ConversationRepository implements PartitionRepository<Conversation> {

    /**
     * Succeeds if {@code id} names a conversation of {@code partition} with the patient {@code userId}: what a
     * message's {@code conversation_id} must do. Else fails with the reference error at {@code conversation_id}
     * ({@code 404 resource_not_found}): another patient's conversation is, to this message, none.
     */
    public Uni<Void> checkOfPatient(Partition partition, UUID id, UUID userId) {
        return count("tenant = ?1 and environment = ?2 and userId = ?3 and id = ?4", partition.tenant(),
                partition.environment(), userId, id)
                .chain(n -> n > 0 ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(ApiException.referenceNotFound("conversation_id")));
    }
}
