package io.carehub.commons.persistence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import io.carehub.commons.paging.Cursor;

/**
 * What every stored resource has (API.md §2): a server-made GUID, its tenant, and the
 * {@code created_at}/{@code updated_at} timestamps, {@code updated_at} strictly increasing on every change.
 */
@MappedSuperclass
public abstract class TenantResource {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public String tenant;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** A new resource of {@code tenant}: a fresh id and both timestamps {@code now}, the write's {@link WriteStamp}. */
    public void created(String tenant, Instant now) {
        this.id = UUID.randomUUID();
        this.tenant = tenant;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * Changed by the write stamped {@code now} ({@link WriteStamp}), on a row locked for the write:
     * {@code updated_at} moves forward, by at least a microsecond, whatever the clock says.
     */
    public void changed(Instant now) {
        Instant next = updatedAt.plus(1, ChronoUnit.MICROS);
        this.updatedAt = now.isAfter(next) ? now : next;
    }

    public Cursor cursor() {
        return new Cursor(updatedAt, id);
    }
}
