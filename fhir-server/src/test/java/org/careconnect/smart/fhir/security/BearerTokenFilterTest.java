package org.careconnect.smart.fhir.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * One token, one remembered entry: every spelling of the header a client may send is looked up
 * as "Bearer " and the token, and the usual spelling without a copy.
 */
class BearerTokenFilterTest {

  @Test
  void headerWhenSpelledAsKeptThenTheSameStringIsLookedUp() {
    String header = "Bearer a.b.c";
    assertThat(BearerTokenFilter.inOneSpelling(header)).isSameAs(header);
  }

  @Test
  void headerWhenSpelledOtherwiseThenLookedUpInTheOneSpelling() {
    for (String header : new String[] {"bearer a.b.c", "BEARER a.b.c", "Bearer   a.b.c", "Bearer \ta.b.c",
        "Bearer a.b.c ", "bEaReR  a.b.c\t"}) {
      assertThat(BearerTokenFilter.inOneSpelling(header)).as(header).isEqualTo("Bearer a.b.c");
    }
  }

  @Test
  void headerWhenNoTokenThenTheSchemeAlone() {
    assertThat(BearerTokenFilter.inOneSpelling("Bearer ")).isEqualTo("Bearer ");
    assertThat(BearerTokenFilter.inOneSpelling("bearer    ")).isEqualTo("Bearer ");
  }
}
