package io.carehub.commons.errors;

import java.sql.SQLException;

import org.hibernate.exception.ConstraintViolationException;

import io.vertx.pgclient.PgException;

/** Recognises database failures that are the client's doing rather than ours. */
public final class DatabaseErrors {

    private static final String UNIQUE_VIOLATION = "23505";

    private DatabaseErrors() {
    }

    /**
     * Whether {@code failure} (or a cause) is a violation of the unique index or constraint {@code name},
     * however the layers above PostgreSQL wrapped it (Hibernate, JDBC-style, or the reactive client's own).
     */
    public static boolean isUniqueViolation(Throwable failure, String name) {
        String quoted = "\"" + name + "\"";
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConstraintViolationException cve && name.equals(cve.getConstraintName())) {
                return true;
            }
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())
                    && String.valueOf(sql.getMessage()).contains(quoted)) {
                return true;
            }
            if (t instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())
                    && (name.equals(pg.getConstraint()) || String.valueOf(pg.getErrorMessage()).contains(quoted))) {
                return true;
            }
        }
        return false;
    }

    /**
     * What may be logged of a database failure in {@code failure}'s causes: its SQLSTATE, constraint and the
     * exception types, never the driver's message (it can carry the values of a row: patient data). Null when
     * no cause is a database failure.
     */
    public static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg) {
                return "SQLSTATE " + pg.getSqlState() + (pg.getConstraint() == null ? "" : " constraint " + pg.getConstraint())
                        + " (" + chain(failure) + ")";
            }
            if (t instanceof SQLException sql) {
                return "SQLSTATE " + sql.getSQLState() + " (" + chain(failure) + ")";
            }
        }
        return null;
    }

    /**
     * Whether {@code failure} (or a cause) says the database cannot be reached or went away: a refused or lost
     * connection, a connection attempt or pool wait that timed out, or PostgreSQL shutting down or starting up
     * (SQLSTATE class 08, 57P01-57P03). Not the client's doing, and not a bug: worth a retry shortly.
     */
    public static boolean isUnavailable(Throwable failure) {
        java.util.ArrayDeque<Throwable> todo = new java.util.ArrayDeque<>();
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        if (failure != null) {
            todo.push(failure);
        }
        while (!todo.isEmpty()) {
            Throwable t = todo.pop();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof java.net.SocketException || t instanceof io.vertx.sqlclient.ClosedConnectionException
                    || t instanceof java.nio.channels.ClosedChannelException
                    || t instanceof io.vertx.core.impl.NoStackTraceTimeoutException
                    // the client's own word for a pooled connection the server closed ("Connection is not active
                    // now, current status: CLOSED"), seen by a write in flight when PostgreSQL stopped
                    || (t instanceof io.vertx.core.impl.NoStackTraceThrowable && t.getMessage() != null
                            && t.getMessage().startsWith("Connection is not active now"))) {
                return true;
            }
            String state = t instanceof PgException pg ? pg.getSqlState()
                    : t instanceof SQLException sql ? sql.getSQLState() : null;
            // 08: connection exceptions; 53300: too many connections (the server is full, for now); 57P01-03: the
            // server shutting down, crashed, or starting up
            if (state != null && (state.startsWith("08") || state.equals("53300") || state.equals("57P01")
                    || state.equals("57P02") || state.equals("57P03"))) {
                return true;
            }
            if (t instanceof io.smallrye.mutiny.CompositeException composite) {
                composite.getCauses().stream().filter(java.util.Objects::nonNull).forEach(todo::push);
            }
            if (t.getCause() != null) {
                todo.push(t.getCause());
            }
        }
        return false;
    }

    private static String chain(Throwable failure) {
        StringBuilder types = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            types.append(types.length() == 0 ? "" : " < ").append(t.getClass().getName());
        }
        return types.toString();
    }
}
