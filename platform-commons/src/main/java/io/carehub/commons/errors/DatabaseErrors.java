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

    private static String chain(Throwable failure) {
        StringBuilder types = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            types.append(types.length() == 0 ? "" : " < ").append(t.getClass().getName());
        }
        return types.toString();
    }
}
