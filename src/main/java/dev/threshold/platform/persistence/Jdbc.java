package dev.threshold.platform.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one way to run hand-written SQL (the data-access rule of docs/architecture.md): entity CRUD goes through
 * Panache repositories; every set-based or hand-tuned statement goes through here, with its parameters bound
 * by a {@link Binder} and each row read by the {@link RowMapper} of that query, by column name.
 *
 * <p>The connection is the pool's: inside a transaction Agroal hands out the transaction's own connection
 * (the one Hibernate uses too), so a request never holds two. A request that reads outside a transaction
 * uses either this or the ORM, or wraps both in one transaction: the pool is sized to the database's cores.
 * A {@link SQLException} becomes a {@link DataAccessException} that keeps it as its cause, so that the problem
 * mapper can tell a serialization failure, a lost connection or a timeout by its SQL state.
 */
@ApplicationScoped
public class Jdbc {

    /** Binds a statement's parameters. */
    @FunctionalInterface
    public interface Binder {
        Binder NONE = ps -> {};

        void bind(PreparedStatement ps) throws SQLException;
    }

    /** Reads the current row of a result into a value; one per query, reading columns by name. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Work on one connection: several statements, a JDBC batch, a large streamed result. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final AgroalDataSource dataSource;

    public Jdbc(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every row of {@code sql}, each read by {@code mapper}. */
    public <T> List<T> list(String sql, Binder binder, RowMapper<T> mapper) {
        return run(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    List<T> rows = new ArrayList<>();
                    while (rs.next()) {
                        rows.add(mapper.map(rs));
                    }
                    return rows;
                }
            }
        });
    }

    /** The first row of {@code sql}, read by {@code mapper}, or empty when there is none. */
    public <T> Optional<T> first(String sql, Binder binder, RowMapper<T> mapper) {
        return run(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(mapper.map(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Runs an INSERT, UPDATE or DELETE; the number of rows it changed. */
    public int update(String sql, Binder binder) {
        return run(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Lets each statement of the current transaction run for up to {@code limit} (a long-running import's: linking a
     * chunk of a multi-GB capture to its sources may take longer than the {@code statement_timeout} every connection
     * starts with, which is sized for requests). Ends with the transaction ({@code SET LOCAL}).
     */
    public void statementTimeout(java.time.Duration limit) {
        update("SET LOCAL statement_timeout = " + Math.max(1, limit.toMillis()), Binder.NONE);
    }

    /** Runs {@code work} on the connection (the transaction's, inside one). */
    public <T> T run(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }
}
