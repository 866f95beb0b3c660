package io.carehub.scheduling.worker;

import java.util.List;

import io.carehub.commons.paging.Filter;
import io.carehub.commons.validation.Field;
import io.carehub.commons.validation.Fields;
import io.carehub.commons.validation.Schema;
import io.carehub.commons.validation.Types;

/** What a worker request may hold, and how it is applied to a worker. */
final class WorkerFields {

    static final String COLLECTION = "workers";

    static final Schema SCHEMA = Schema.of(
            Field.of("email", Types.EMAIL).required(),
            Field.of("first_name", Types.STRING),
            Field.of("last_name", Types.STRING),
            Field.of("phone_number", Types.PHONE),
            Field.of("timezone", Types.TIMEZONE),
            Field.of("gender", Types.enumOf("Male", "Female", "Unknown", "Other", "Transgender", "Decline")));

    /** Workers have no filters beyond paging. */
    static final List<Filter> FILTERS = List.of();

    /** The columns of the export, in a stable order: new ones are appended, never reordered. */
    static final List<String> COLUMNS = List.of("id", "email", "first_name", "last_name", "phone_number", "timezone",
            "gender", "created_at", "updated_at");

    private WorkerFields() {
    }

    static void apply(Fields fields, Worker worker) {
        if (fields.has("email")) {
            worker.email = fields.string("email");
        }
        if (fields.has("first_name")) {
            worker.firstName = fields.string("first_name");
        }
        if (fields.has("last_name")) {
            worker.lastName = fields.string("last_name");
        }
        if (fields.has("phone_number")) {
            worker.phoneNumber = fields.string("phone_number");
        }
        if (fields.has("timezone")) {
            worker.timezone = fields.string("timezone");
        }
        if (fields.has("gender")) {
            worker.gender = fields.string("gender");
        }
    }

    static List<Object> row(Worker w) {
        return java.util.Arrays.asList(w.id, w.email, w.firstName, w.lastName, w.phoneNumber, w.timezone, w.gender,
                w.createdAt, w.updatedAt);
    }
}
