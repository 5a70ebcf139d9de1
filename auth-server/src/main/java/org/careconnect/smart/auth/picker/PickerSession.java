package org.careconnect.smart.auth.picker;

import jakarta.servlet.http.HttpSession;
import java.io.Serial;
import java.io.Serializable;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The picker's state in the user's HTTP session: picks in progress (by pick id) and finished
 * picks waiting for their authorization code (by flow). Bounded, so a session cannot grow without
 * limit by starting flows it never finishes.
 */
final class PickerSession implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  private static final String ATTRIBUTE = PickerSession.class.getName();
  private static final int MAX_FLOWS = 10;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, PendingPick> pending = new Bounded<>();
  private final Map<FlowKey, PickedContext> picked = new Bounded<>();

  static PickerSession of(HttpSession session) {
    synchronized (session) {
      PickerSession state = (PickerSession) session.getAttribute(ATTRIBUTE);
      if (state == null) {
        state = new PickerSession();
        session.setAttribute(ATTRIBUTE, state);
      }
      return state;
    }
  }

  synchronized PendingPick start(FlowKey flow, String authorizationRequestUri, boolean wantsEncounter) {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    PendingPick pick = new PendingPick(id, flow, authorizationRequestUri, wantsEncounter);
    pending.put(id, pick);
    return pick;
  }

  synchronized Optional<PendingPick> pending(String id) {
    return Optional.ofNullable(id == null ? null : pending.get(id));
  }

  synchronized void finish(PendingPick pick, PickedContext context) {
    pending.remove(pick.id());
    picked.put(pick.flow(), context);
  }

  synchronized boolean hasPicked(FlowKey flow) {
    return picked.containsKey(flow);
  }

  /** The pick for this flow, removed: it is fixed on one authorization only. */
  synchronized Optional<PickedContext> take(FlowKey flow) {
    return Optional.ofNullable(picked.remove(flow));
  }

  private static final class Bounded<K, V> extends LinkedHashMap<K, V> {
    @Serial private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
      return size() > MAX_FLOWS;
    }
  }
}
