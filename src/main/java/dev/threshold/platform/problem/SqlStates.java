package dev.threshold.platform.problem;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells database failures a client can do something about by their SQL state, anywhere in an exception's causes:
 * a write conflict (deadlock 40P01, serialization failure 40001) is a 409 to retry; a database that is away or
 * busy (lost or refused connection, shutdown, statement timeout, too many connections, the pool exhausted) is a
 * 503 with {@code Retry-After}. Everything else is not theirs to handle.
 */
public final class SqlStates {

    /** Seconds a client waits before retrying when the database is unavailable. */
    static final long RETRY_AFTER_SECONDS = 5;

    private SqlStates() {}

    /** The problem {@code e} is for a client (409 or 503), or null when it is not a known database failure. */
    public static ApiProblem problem(Throwable e) {
        if (isWriteConflict(e)) {
            return ApiProblem.conflict("The request conflicted with a concurrent write; retry it.");
        }
        if (isDatabaseUnavailable(e)) {
            return ApiProblem.unavailable("The database is unavailable; retry shortly.", RETRY_AFTER_SECONDS);
        }
        return null;
    }

    /** Deadlock (40P01) or serialization failure (40001): the client may simply retry. */
    public static boolean isWriteConflict(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql
                    && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** The database is away or has no connection for us now (see the class comment). */
    public static boolean isDatabaseUnavailable(Throwable e) {
        return isDatabaseUnavailable(e, 0);
    }

    /** Looks through causes and suppressed exceptions (a failed rollback on a dead connection hides there). */
    private static boolean isDatabaseUnavailable(Throwable e, int depth) {
        for (Throwable t = e; t != null && depth < 8; t = t.getCause()) {
            for (Throwable suppressed : t.getSuppressed()) {
                if (isDatabaseUnavailable(suppressed, depth + 1)) {
                    return true;
                }
            }
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            // Agroal's pool exhausted for acquisition-timeout: a plain SQLException without SQLState. The
            // database is there but every connection is busy: the same 503 + Retry-After, never a 500.
            if (t instanceof SQLException sql
                    && sql.getSQLState() == null
                    && sql.getMessage() != null
                    && sql.getMessage().startsWith("Sorry, acquisition timeout")) {
                return true;
            }
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08")
                            || sql.getSQLState().startsWith("57P")
                            || sql.getSQLState().equals("57014")
                            || sql.getSQLState().equals("53300"))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
