package io.carehub.commons.references;

import java.util.UUID;

import io.carehub.commons.tenancy.Partition;
import io.smallrye.mutiny.Uni;

/**
 * A collection this service owns and other services reference: what the internal endpoint
 * ({@link InternalReferencesResource}) answers about its ids. A service declares one bean per such collection.
 */
public interface OwnedCollection {

    /** Its name in paths, scopes and events ({@code workers}). */
    String name();

    /** Whether {@code id} names a resource (not deleted) of {@code partition}. Runs in the caller's Hibernate session. */
    Uni<Boolean> exists(Partition partition, UUID id);
}
