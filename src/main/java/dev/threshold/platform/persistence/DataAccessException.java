package dev.threshold.platform.persistence;

import java.sql.SQLException;

/** A failed statement of {@link Jdbc}; its cause is the driver's {@link SQLException}, SQL state included. */
public class DataAccessException extends RuntimeException {

    public DataAccessException(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
