package org.careconnect.smart.auth.user;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Argon2id settings of password and client-secret hashing, under {@code
 * careconnect.auth.password-hash} (defaults in application.yaml; docs/decisions/0011).
 *
 * <p>The server refuses to start below OWASP's Password Storage Cheat Sheet table for Argon2id,
 * whose rows give an equal level of defence: the fewer iterations, the more memory each one must
 * use (1: 46 MiB, 2: 19 MiB, 3: 12 MiB, 4: 9 MiB, 5 or more: 7 MiB).
 *
 * @param memoryKib memory of one hash computation, in KiB (Argon2's m)
 * @param iterations passes over that memory (Argon2's t)
 * @param parallelism lanes (Argon2's p); OWASP's rows use 1
 * @param maxConcurrent hash computations allowed at once (each allocates {@code memoryKib});
 *     more wait their turn. 0: the number of available processors
 */
@ConfigurationProperties("careconnect.auth.password-hash")
record PasswordHashProperties(int memoryKib, int iterations, int parallelism, int maxConcurrent) {

  PasswordHashProperties {
    if (iterations < 1) {
      throw new IllegalArgumentException(
          "careconnect.auth.password-hash.iterations must be at least 1, was " + iterations);
    }
    if (memoryKib < owaspMinimumMemoryKib(iterations)) {
      throw new IllegalArgumentException(
          "careconnect.auth.password-hash.memory-kib must be at least "
              + owaspMinimumMemoryKib(iterations)
              + " with "
              + iterations
              + " iterations (OWASP Password Storage Cheat Sheet, Argon2id), was "
              + memoryKib);
    }
    if (parallelism < 1) {
      throw new IllegalArgumentException(
          "careconnect.auth.password-hash.parallelism must be at least 1, was " + parallelism);
    }
    if (maxConcurrent < 0) {
      throw new IllegalArgumentException(
          "careconnect.auth.password-hash.max-concurrent must be 0 (one per processor) or more, was "
              + maxConcurrent);
    }
  }

  /** OWASP's Argon2id rows: m=47104 (46 MiB) t=1, 19456 t=2, 12288 t=3, 9216 t=4, 7168 t=5. */
  static int owaspMinimumMemoryKib(int iterations) {
    return switch (iterations) {
      case 1 -> 47104;
      case 2 -> 19456;
      case 3 -> 12288;
      case 4 -> 9216;
      default -> 7168;
    };
  }

  /** Hash computations at once: the setting, or one per available processor. */
  int concurrentHashes() {
    return maxConcurrent > 0 ? maxConcurrent : Runtime.getRuntime().availableProcessors();
  }
}
