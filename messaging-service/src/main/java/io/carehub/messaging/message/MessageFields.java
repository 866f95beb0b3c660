package io.carehub.messaging.message;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

import io.carehub.commons.errors.ApiException;
import io.carehub.commons.paging.Filter;
import io.carehub.commons.validation.Field;
import io.carehub.commons.validation.Fields;
import io.carehub.commons.validation.Schema;
import io.carehub.commons.validation.Types;

/** What a message request may hold, and how it is applied to a message. */
public final class MessageFields {

    static final String COLLECTION = "messages";

    static final String INBOUND = "inbound";
    static final String OUTBOUND = "outbound";

    /**
     * The longest {@code contents}: emails are recorded too, and one is often longer than the default bound of a
     * string; the 1 MiB body bounds it anyway.
     */
    static final int MAX_CONTENTS = 100_000;

    /** Messages have Create only: every field is set once. */
    static final Schema SCHEMA = Schema.of(
            Field.of("user_id", Types.GUID_TYPE).required().createOnly(),
            Field.of("worker_id", Types.GUID_TYPE).createOnly(),
            Field.of("conversation_id", Types.GUID_TYPE).required().createOnly(),
            Field.of("direction", Types.enumOf(INBOUND, OUTBOUND)).required().createOnly(),
            Field.of("contents", Types.string(MAX_CONTENTS)).required().createOnly(),
            Field.of("automatically_sent", Types.BOOLEAN).createOnly(),
            Field.of("send_time", Types.ISO_DATETIME).createOnly());

    static final List<Filter> FILTERS = List.of(
            Filter.of("user_id", Types.GUID_TYPE, "userId"),
            Filter.of("conversation_id", Types.GUID_TYPE, "conversationId"));

    /** The columns of the export, in a stable order: new ones are appended, never reordered. */
    static final List<String> COLUMNS = List.of("id", "user_id", "worker_id", "conversation_id", "direction", "contents",
            "automatically_sent", "send_time", "created_at", "updated_at");

    private MessageFields() {
    }

    /**
     * A worker sends an outbound message, so it names one; an inbound message comes from the patient, so it
     * names none (API.md §4). Run on a valid body, before anything is read or written.
     */
    static void checkWorker(Fields fields) {
        boolean named = fields.guid("worker_id") != null;
        if (OUTBOUND.equals(fields.string("direction")) && !named) {
            throw ApiException.badRequest(".worker_id", "worker_id is required for an outbound message: the worker who sent it");
        }
        if (INBOUND.equals(fields.string("direction")) && named) {
            throw ApiException.badRequest(".worker_id", "worker_id must be absent for an inbound message: the patient sent it");
        }
    }

    /** {@code now}, the write's stamp, is the send time of a message that does not say when it was sent. */
    static void apply(Fields fields, Message m, Instant now) {
        m.userId = fields.guid("user_id");
        m.workerId = fields.guid("worker_id");
        m.conversationId = fields.guid("conversation_id");
        m.direction = fields.string("direction");
        m.contents = fields.string("contents");
        m.automaticallySent = fields.bool("automatically_sent", false);
        Instant sendTime = fields.instant("send_time");
        // To what timestamptz keeps (it would round the rest): the Create answer is what a Get reads back.
        m.sendTime = sendTime == null ? now : sendTime.truncatedTo(ChronoUnit.MICROS);
    }

    static List<Object> row(Message m) {
        return Arrays.asList(m.id, m.userId, m.workerId, m.conversationId, m.direction, m.contents, m.automaticallySent,
                m.sendTime, m.createdAt, m.updatedAt);
    }
}
