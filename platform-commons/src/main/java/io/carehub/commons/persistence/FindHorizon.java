package io.carehub.commons.persistence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * How far a Find may look (see {@link WriteStamp}): rows with {@code updated_at} at or after {@code bound} may
 * still be joined by rows of writes in flight, so a page never goes past it. {@code bound} is the start of the
 * oldest write transaction in flight in this database, or the time of reading when there is none (a write
 * marked after this reading stamps its rows later than that). {@code readAt} is that time of reading.
 */
public record FindHorizon(Instant bound, Instant readAt) {

    private static final String SQL = "SELECT (extract(epoch FROM least(min(a.xact_start), clock_timestamp())) * 1000000)::bigint,"
            + " (extract(epoch FROM clock_timestamp()) * 1000000)::bigint"
            + " FROM pg_stat_activity a WHERE a.datname = current_database() AND a.application_name = '"
            + WriteStamp.WRITER + "' AND a.pid <> pg_backend_pid()";

    /** Read in the current session, before the page's own query. */
    public static Uni<FindHorizon> read() {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(SQL, Object[].class).getSingleResult())
                .map(row -> new FindHorizon(micros(row[0]), micros(row[1])));
    }

    /**
     * Whether a window ending at {@code to} (in the past) may still gain rows from a write in flight: then its
     * last page says so with a {@code next} link, and the walker comes back for them. An open-ended window does
     * not wait: its walker resumes later from where it stopped, which is never past a write in flight.
     */
    public boolean mayGrow(Instant to) {
        return to != null && to.isBefore(readAt) && !bound.isAfter(to);
    }

    private static Instant micros(Object value) {
        return Instant.EPOCH.plus(((Number) value).longValue(), ChronoUnit.MICROS);
    }
}
