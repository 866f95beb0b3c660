package io.carehub.notifier.subscription;

import java.util.List;
import java.util.Set;

/**
 * The collections of API.md §4, which a subscription's {@code resources} may name and which change events
 * are about; and those with deletes, whose {@code href} carries {@code include_deleted=true} (API.md §7).
 * The one place that knows them.
 */
public final class Collections {

    public static final List<String> ALL = List.of(
            "patients", "phone_numbers", "email_addresses", "external_ids", "custom_data_type_records", "integration_tasks",
            "workers", "calendars", "calendar_events",
            "conversations", "messages",
            "assessment_responses", "care_flows", "patient_tasks",
            "api_clients", "webhook_subscriptions");

    /** Collections with Delete: a follower learns of deletions only through {@code include_deleted=true}. */
    public static final Set<String> WITH_DELETES = Set.of("patient_tasks", "api_clients", "webhook_subscriptions");

    private Collections() {
    }

    public static boolean exists(String name) {
        return ALL.contains(name);
    }

    public static boolean hasDeletes(String name) {
        return WITH_DELETES.contains(name);
    }
}
