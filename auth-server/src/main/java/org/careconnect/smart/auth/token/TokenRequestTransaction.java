package org.careconnect.smart.auth.token;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One database transaction for a whole token request: the client assertion's {@code jti}
 * record, the reads of the client and the authorization, and the saved authorization with its
 * lookup rows are one connection and one commit (they were four to six, each a log write with
 * H2's WRITE_DELAY=0). The authorization service's own transactions join it.
 *
 * <p>Refusals are answers, not exceptions (Spring's token endpoint writes the OAuth error), so
 * what a refused request records still commits: a spent {@code jti} stays spent, and a family
 * revoked because a spent refresh token came back stays revoked. Only an unexpected exception
 * (a 500) rolls the request back.
 *
 * <p>The request holds one pooled connection from start to end (signing, and the Argon2id check of
 * a {@code client_secret_basic} client, included): at most {@code AUTH_DB_POOL_SIZE} token
 * requests run at once, more than two cores can serve anyway; the others wait for a connection.
 */
final class TokenRequestTransaction extends OncePerRequestFilter {

  private final TransactionOperations transactions;

  TokenRequestTransaction(TransactionOperations transactions) {
    this.transactions = transactions;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      transactions.executeWithoutResult(
          status -> {
            try {
              chain.doFilter(request, response);
            } catch (IOException | ServletException e) {
              throw new Checked(e);
            }
          });
    } catch (Checked wrapped) {
      if (wrapped.getCause() instanceof IOException io) {
        throw io;
      }
      throw (ServletException) wrapped.getCause();
    }
  }

  /** Carries a checked exception of the chain through the transaction callback. */
  private static final class Checked extends RuntimeException {
    Checked(Exception cause) {
      super(cause);
    }
  }
}
