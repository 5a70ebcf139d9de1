package org.careconnect.smart.auth.token;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Spring's JDBC store, remembering for the length of one HTTP request each authorization it read
 * or saved. A refresh read the same authorization four times (the public-client converter,
 * Spring's refresh provider, Spring's save choosing between insert and update, the launch-context
 * response), and each read parses its attributes JSON with Spring's polymorphic Jackson mapping:
 * a third of a refresh's CPU. Now the first read parses it and the others reuse it; the row
 * saved is remembered as saved, so the response's read needs no query either.
 *
 * <p>An authorization this request has not read is saved with an INSERT straight away, without
 * Spring's read by id to choose between insert and update: such a save is the first of a new
 * authorization (a client_credentials token, an authorization request), as every update in a
 * request comes after the read that found what it changes. Should one not be new after all, the
 * primary key refuses the INSERT and the save is Spring's, reading the row and updating it.
 *
 * <p>Only within one request (a request attribute), so nothing is shared between requests,
 * threads or nodes; outside a request (scheduled jobs, start-up) every call reads the database.
 * When the transaction of a save or removal rolls back, the request forgets what it remembered.
 */
final class RequestMemoizedAuthorizations extends JdbcOAuth2AuthorizationService {

  private static final String MEMO = RequestMemoizedAuthorizations.class.getName() + ".MEMO";
  private static final String INSERTED = RequestMemoizedAuthorizations.class.getName() + ".INSERTED";

  /** In the memo while a save inserts: Spring's findById then answers that there is none. */
  private static final OAuth2Authorization NOT_STORED =
      OAuth2Authorization.withRegisteredClient(
              RegisteredClient.withId("not-stored")
                  .clientId("not-stored")
                  .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                  .build())
          .id("not-stored")
          .principalName("not-stored")
          .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
          .build();

  RequestMemoizedAuthorizations(JdbcOperations jdbc, RegisteredClientRepository clients) {
    super(jdbc, clients);
  }

  @Override
  public OAuth2Authorization findById(String id) {
    Map<String, OAuth2Authorization> memo = memo();
    OAuth2Authorization known = memo == null ? null : memo.get(id);
    if (known == NOT_STORED) {
      return null;
    }
    if (known != null) {
      return known;
    }
    OAuth2Authorization read = super.findById(id);
    if (memo != null && read != null) {
      memo.put(id, read);
    }
    return read;
  }

  @Override
  public void save(OAuth2Authorization authorization) {
    Map<String, OAuth2Authorization> memo = memo();
    if (memo == null) {
      super.save(authorization); // outside a request: Spring's read, then insert or update
      return;
    }
    memo(INSERTED).remove(authorization.getId());
    if (!memo.containsKey(authorization.getId())) {
      insertOrSave(memo, authorization);
    } else {
      super.save(authorization); // its findById sees the memo: no second read to choose update
    }
    remember(known -> known.put(authorization.getId(), authorization));
  }

  /** Spring's insert, reached by answering its findById with "none" for this one save. */
  private void insertOrSave(Map<String, OAuth2Authorization> memo, OAuth2Authorization authorization) {
    memo.put(authorization.getId(), NOT_STORED);
    try {
      super.save(authorization);
      memo(INSERTED).put(authorization.getId(), authorization);
    } catch (DuplicateKeyException stored) {
      memo.remove(authorization.getId());
      super.save(authorization); // it exists: Spring reads it and updates it
    } finally {
      memo.remove(authorization.getId(), NOT_STORED);
    }
  }

  @Override
  public void remove(OAuth2Authorization authorization) {
    super.remove(authorization);
    remember(memo -> memo.remove(authorization.getId()));
  }

  /**
   * Whether the last save of this id in this request inserted it: no row had that id (the
   * primary key accepted it), so nothing stored refers to it yet.
   */
  static boolean insertedBySave(String id) {
    Map<String, OAuth2Authorization> inserted = memo(INSERTED);
    return inserted != null && inserted.containsKey(id);
  }

  /**
   * The authorizations this request has read or saved, as it last read or saved them; none outside
   * a request.
   */
  static List<OAuth2Authorization> remembered() {
    Map<String, OAuth2Authorization> memo = memo();
    if (memo == null) {
      return List.of();
    }
    return memo.values().stream().filter(known -> known != NOT_STORED).toList();
  }

  private static void remember(Consumer<Map<String, OAuth2Authorization>> change) {
    Map<String, OAuth2Authorization> memo = memo();
    if (memo == null) {
      return;
    }
    change.accept(memo);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              if (status != STATUS_COMMITTED) {
                memo.clear();
                Map<String, OAuth2Authorization> inserted = memo(INSERTED);
                if (inserted != null) {
                  inserted.clear();
                }
              }
            }
          });
    }
  }

  /** This request's memo, created on first use; null outside an HTTP request. */
  private static Map<String, OAuth2Authorization> memo() {
    return memo(MEMO);
  }

  /** This request's map of that name (MEMO: read or saved; INSERTED); null outside a request. */
  @SuppressWarnings("unchecked")
  private static Map<String, OAuth2Authorization> memo(String name) {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request == null) {
      return null;
    }
    Object memo = request.getAttribute(name, RequestAttributes.SCOPE_REQUEST);
    if (memo == null) {
      memo = new HashMap<String, OAuth2Authorization>();
      request.setAttribute(name, memo, RequestAttributes.SCOPE_REQUEST);
    }
    return (Map<String, OAuth2Authorization>) memo;
  }
}
