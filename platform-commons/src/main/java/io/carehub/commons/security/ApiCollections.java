package io.carehub.commons.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The collections of API.md §4: what {@code <collection>.read|write} scopes, a subscription's
 * {@code resources} and change events may name. The one list of them, so that a scope or a subscription
 * naming something that does not exist is refused everywhere alike.
 */
public final class ApiCollections {

    public static final String API_CLIENTS = "api_clients";
    public static final String WEBHOOK_SUBSCRIPTIONS = "webhook_subscriptions";
    /** API-CORE.md §C9: what roles may do, and the roles; notifier-service's, governed by admin like api_clients. */
    public static final String SECURITY_POLICIES = "security_policies";
    public static final String ROLES = "roles";

    /** The tenant's own configuration of access: read and written with admin (or operator), never with all. */
    public static final Set<String> ADMINISTERED = Set.of("api_clients", SECURITY_POLICIES, ROLES);

    /** The collections of care data: each has a {@code .read} and a {@code .write} scope, all covered by {@code all}. */
    public static final List<String> DATA = List.of(
            "patients", "phone_numbers", "email_addresses", "external_ids", "custom_data_type_records", "integration_tasks",
            "custom_data_types", "programs", "patient_programs", "phase_changes",
            "workers", "calendars", "calendar_events",
            "conversations", "messages",
            "assessment_responses", "care_flows", "patient_tasks", "encounters", "forms");

    /** Every collection: the data ones and notifier-service's own (governed by admin/operator and webhooks). */
    public static final List<String> ALL = Stream.concat(DATA.stream(),
            Stream.of(API_CLIENTS, WEBHOOK_SUBSCRIPTIONS, SECURITY_POLICIES, ROLES)).toList();

    /**
     * Collections of tenant-wide records (API-CORE.md §C1): of no one environment, so their change events name none and
     * concern every environment of the tenant. Every other collection is of one environment.
     */
    public static final Set<String> TENANT_WIDE = Set.of(API_CLIENTS, "custom_data_types", "programs", "forms",
            SECURITY_POLICIES, ROLES);

    /** Collections with Delete: a follower learns of deletions only through {@code include_deleted=true}. */
    public static final Set<String> WITH_DELETES = Set.of("custom_data_type_records", "patient_programs", "patient_tasks", "encounters", API_CLIENTS, WEBHOOK_SUBSCRIPTIONS,
            SECURITY_POLICIES, ROLES);

    private ApiCollections() {
    }

    public static boolean exists(String name) {
        return ALL.contains(name);
    }

    public static boolean hasDeletes(String name) {
        return WITH_DELETES.contains(name);
    }
}
