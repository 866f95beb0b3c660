package io.carehub.messaging.conversation;

import java.util.Arrays;
import java.util.List;

import io.carehub.commons.paging.Filter;
import io.carehub.commons.validation.Field;
import io.carehub.commons.validation.Fields;
import io.carehub.commons.validation.Schema;
import io.carehub.commons.validation.Types;

/** What a conversation request may hold, and how it is applied to a conversation. */
public final class ConversationFields {

    static final String COLLECTION = "conversations";

    /** Conversations have Create only: every field is set once. */
    static final Schema SCHEMA = Schema.of(
            Field.of("user_id", Types.GUID_TYPE).required().createOnly(),
            Field.of("conversation_type", Types.enumOf("app", "third_party_app", "phone", "email")).createOnly());

    static final List<Filter> FILTERS = List.of(Filter.of("user_id", Types.GUID_TYPE, "userId"));

    /** The columns of the export, in a stable order: new ones are appended, never reordered. */
    static final List<String> COLUMNS = List.of("id", "user_id", "conversation_type", "created_at", "updated_at");

    private ConversationFields() {
    }

    static void apply(Fields fields, Conversation c) {
        c.userId = fields.guid("user_id");
        c.conversationType = fields.string("conversation_type");
    }

    static List<Object> row(Conversation c) {
        return Arrays.asList(c.id, c.userId, c.conversationType, c.createdAt, c.updatedAt);
    }
}
