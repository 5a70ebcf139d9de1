package org.careconnect.smart.auth.token;

import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Runs each call of the authorization service in one database transaction, for two reasons:
 *
 * <ul>
 *   <li>one connection per call. JdbcOAuth2AuthorizationService loads the registered client
 *       (another query) while it is still reading the authorization's row; outside a
 *       transaction that query takes a second pooled connection, and once as many requests as
 *       the pool has connections hold their first one they all wait for a second: the token
 *       endpoint stalled for the pool timeout under 16 concurrent requests. In a transaction
 *       the nested query reuses the transaction's connection.
 *   <li>one commit per call: a rotation (spent-token record, authorization update, lookup rows)
 *       is one commit, i.e. one log write and sync with WRITE_DELAY=0, instead of one each,
 *       and is all or nothing.
 * </ul>
 */
final class TransactionalAuthorizations implements OAuth2AuthorizationService {

  private final OAuth2AuthorizationService delegate;
  private final TransactionOperations transactions;

  TransactionalAuthorizations(OAuth2AuthorizationService delegate, TransactionOperations transactions) {
    this.delegate = delegate;
    this.transactions = transactions;
  }

  @Override
  public void save(OAuth2Authorization authorization) {
    transactions.executeWithoutResult(status -> delegate.save(authorization));
  }

  @Override
  public void remove(OAuth2Authorization authorization) {
    transactions.executeWithoutResult(status -> delegate.remove(authorization));
  }

  @Override
  public OAuth2Authorization findById(String id) {
    return transactions.execute(status -> delegate.findById(id));
  }

  @Override
  public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
    return transactions.execute(status -> delegate.findByToken(token, tokenType));
  }
}
