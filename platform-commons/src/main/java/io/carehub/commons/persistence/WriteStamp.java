package io.carehub.commons.persistence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The time that stamps a write ({@code created_at}, {@code updated_at}), taken from the database clock inside
 * the write's own transaction, and the mark that makes the transaction known to Find as a write in flight.
 * <p>
 * Why: {@code updated_at} is chosen before commit, so a transaction that commits late lands behind rows that
 * committed earlier. A Find walker that already passed its position would never see it (API.md §3 promises it
 * does). The fix, as LinuxForHealth's FHIR server makes its history paging loss-free: Find holds back every row
 * at or after the start of the oldest write still in flight ({@link FindHorizon}). For that bound to be exact,
 * every write (1) marks its transaction ({@code application_name}, local to the transaction, visible in
 * {@code pg_stat_activity}) and (2) stamps its rows with a time read after the mark, from the same clock Find
 * compares with. Both happen in the one statement below: the mark is set first, then the clock is read.
 */
public final class WriteStamp {

    /** The {@code application_name} of a transaction that writes resources (reset when the transaction ends). */
    public static final String WRITER = "carehub:write";

    private static final String SQL = "SELECT set_config('application_name', '" + WRITER + "', true) AS mark,"
            + " (extract(epoch FROM clock_timestamp()) * 1000000)::bigint AS micros";

    private WriteStamp() {
    }

    /** Inside {@code @WithTransaction}: marks the transaction as a writer and returns the time its writes carry. */
    public static Uni<Instant> now() {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(SQL, Object[].class).getSingleResult())
                .map(row -> Instant.EPOCH.plus(((Number) row[1]).longValue(), ChronoUnit.MICROS));
    }
}
