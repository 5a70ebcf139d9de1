package org.careconnect.smart.auth.picker;

import java.io.Serial;
import java.io.Serializable;

/**
 * Which authorization flow a pick belongs to: the client and the state it sent. The same pair is
 * read back from the OAuth2AuthorizationRequest when the code is issued.
 */
record FlowKey(String clientId, String state) implements Serializable {

  @Serial private static final long serialVersionUID = 1L;
}
