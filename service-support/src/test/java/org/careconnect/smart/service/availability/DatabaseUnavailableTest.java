package org.careconnect.smart.service.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

class DatabaseUnavailableTest {

  @Test
  void aConnectionFailureAnywhereInTheCauseChainCounts() {
    assertThat(DatabaseUnavailable.causedBy(new DataAccessResourceFailureException("pool",
        new SQLTransientConnectionException("timeout")))).isTrue();
    assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("wrapped",
        new CannotCreateTransactionException("no tx", new ConnectException("refused"))))).isTrue();
  }

  @Test
  void bugsAndBadDataAreNotAnOutage() {
    assertThat(DatabaseUnavailable.causedBy(new DataIntegrityViolationException("duplicate key"))).isFalse();
    assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("bug", new SQLException("syntax")))).isFalse();
    assertThat(DatabaseUnavailable.causedBy(null)).isFalse();
  }
}
