package org.careconnect.smart.fhir.response;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * Takes what HAPI writes for a response whose stored resources were replaced by placeholders,
 * and writes it out with each placeholder object replaced by the resource's cached JSON. The
 * response is held until HAPI closes the writer (HAPI writes whole responses, then closes).
 */
final class SplicingWriter extends Writer {

  private final Writer target;
  private final String wholeBody;
  private final Map<String, String> placeholders;
  private final StringBuilder written = new StringBuilder(4096);

  /**
   * @param wholeBody the answer to send instead of what HAPI writes (a read), or null
   * @param placeholders a text found only inside one placeholder object, in the order HAPI writes
   *     them, to the JSON that replaces that whole (flat) object
   */
  SplicingWriter(Writer target, String wholeBody, Map<String, String> placeholders) {
    this.target = target;
    this.wholeBody = wholeBody;
    this.placeholders = placeholders;
  }

  @Override
  public void write(char[] buffer, int offset, int length) {
    written.append(buffer, offset, length);
  }

  @Override
  public void write(String text, int offset, int length) {
    written.append(text, offset, offset + length);
  }

  @Override
  public void flush() {
    // held until close: the placeholders can only be replaced in the whole text
  }

  @Override
  public void close() throws IOException {
    target.write(wholeBody != null ? wholeBody : spliced());
    target.close();
  }

  private String spliced() {
    StringBuilder out = new StringBuilder(written.length() * 8);
    int from = 0;
    for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
      int at = written.indexOf(placeholder.getKey(), from);
      if (at < 0) {
        // Placeholders are written in entry order; one missing means HAPI wrote something else.
        throw new IllegalStateException("Response placeholder not found: " + placeholder.getKey());
      }
      // A placeholder is a flat object: its braces are the nearest ones around the marker.
      int start = written.lastIndexOf("{", at);
      int end = written.indexOf("}", at) + 1;
      out.append(written, from, start).append(placeholder.getValue());
      from = end;
    }
    return out.append(written, from, written.length()).toString();
  }
}
