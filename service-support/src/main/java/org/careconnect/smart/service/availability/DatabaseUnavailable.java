package org.careconnect.smart.service.availability;

import java.net.ConnectException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure to reach the database (stopped, restarting, unreachable, pool exhausted while
 * it is away) from every other failure: the first is temporary and worth a 503, the others are
 * bugs or bad data and stay what they are.
 */
public final class DatabaseUnavailable {

  private DatabaseUnavailable() {}

  /** Whether {@code thrown} or one of its causes says the database cannot be reached. */
  public static boolean causedBy(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof DataAccessResourceFailureException
          || t instanceof CannotCreateTransactionException
          || t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLRecoverableException
          || t instanceof ConnectException) {
        return true;
      }
    }
    return false;
  }
}
