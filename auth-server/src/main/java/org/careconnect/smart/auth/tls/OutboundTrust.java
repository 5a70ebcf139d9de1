package org.careconnect.smart.auth.tls;

import java.util.Optional;
import org.springframework.boot.ssl.SslBundle;

/**
 * The SSL bundle ({@code careconnect.tls.client-bundle}) whose trust store this server's calls to
 * the FHIR server trust (the demo CA, or an operator's private CA); empty: the JDK's trusted CAs.
 * Verification is never switched off.
 */
public record OutboundTrust(Optional<SslBundle> bundle) {}
