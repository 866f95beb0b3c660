package io.carehub.commons.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/**
 * A resource of a collection with Delete (API.md §2): deleting it keeps the row, marked {@code deleted}, so that
 * Find with {@code include_deleted=true} shows it and a follower learns of the deletion. A deleted resource is
 * gone from Get, Update and a second Delete ({@code 404}) and from every other Find.
 */
@MappedSuperclass
public abstract class DeletableResource extends PartitionedResource {

    @Column(nullable = false)
    public boolean deleted;

    /** Deleted by the write stamped {@code now}: marked, and {@code updated_at} moved forward like any change. */
    public void deleted(Instant now) {
        this.deleted = true;
        changed(now);
    }
}
