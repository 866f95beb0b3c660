package io.carehub.commons.references;

import java.util.UUID;

import io.smallrye.mutiny.Uni;

/**
 * A collection this service owns and other services reference: what the internal endpoint
 * ({@link InternalReferencesResource}) answers about its ids. A service declares one bean per such collection.
 */
public interface OwnedCollection {

    /** Its name in paths, scopes and events ({@code workers}). */
    String name();

    /** Whether {@code id} names a live resource of {@code tenant}. Runs without a Hibernate session of its own. */
    Uni<Boolean> exists(String tenant, UUID id);
}
