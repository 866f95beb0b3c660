package io.carehub.commons.tenancy;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.carehub.commons.security.ApiCollections;

/**
 * Where a row of data lives (API-CORE.md §C1): a tenant and one of its environments ({@code live}, {@code sandbox},
 * ...). Every data row of every service is stored with both, and every read and write is confined to the caller's
 * partition: a resource of another tenant or another environment is indistinguishable from one that does not exist.
 * Tenant-wide records (api_clients, and the configuration every environment shares) are confined by the tenant alone.
 */
public record Partition(String tenant, String environment) {

    /** The environment of every v1 client that never names one, and of all data made before environments. */
    public static final String LIVE = "live";

    /** What an environment may be named: lowercase letters, digits, {@code _} and {@code -}, a letter first. */
    public static final Pattern ENVIRONMENT_NAME = Pattern.compile("^[a-z][a-z0-9_-]{0,31}$");

    /**
     * Names no tenant may have (API-CORE.md §C1): {@code /v1/{tenant}/...} must never be mistaken for a v1 path, so
     * every v1 collection and the other first segments of v1 paths ({@code exports}, {@code token}), {@code oauth},
     * {@code q} (Quarkus's own) and {@code internal} (the services' endpoints among themselves).
     */
    public static final Set<String> RESERVED_TENANT_NAMES = Stream.concat(ApiCollections.ALL.stream(),
            Stream.of("exports", "token", "oauth", "q", "internal")).collect(Collectors.toUnmodifiableSet());

    public Partition {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(environment, "environment");
    }

    /** {@code tenant}'s live environment. */
    public static Partition live(String tenant) {
        return new Partition(tenant, LIVE);
    }

    public static boolean isReservedTenantName(String name) {
        return name != null && RESERVED_TENANT_NAMES.contains(name.toLowerCase(java.util.Locale.ROOT));
    }

    public static boolean isEnvironmentName(String name) {
        return name != null && ENVIRONMENT_NAME.matcher(name).matches();
    }

    @Override
    public String toString() {
        return tenant + "/" + environment;
    }
}
