package io.carehub.commons.outbox;

import java.util.Locale;

/** What happened to a resource: the {@code operation} of a change event and the suffix of its {@code type}. */
public enum ChangeOperation {
    CREATED, UPDATED, DELETED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
