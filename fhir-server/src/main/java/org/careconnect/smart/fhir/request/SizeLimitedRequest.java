package org.careconnect.smart.fhir.request;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PayloadTooLargeException;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A request whose body stream stops with a 413 past {@code maxBytes}. A gzip body is decompressed
 * here and counted decompressed; its {@code Content-Encoding} and {@code Content-Length} headers
 * are hidden so that HAPI, which would otherwise decompress it again without any bound, sees a
 * plain body. Any other content coding is refused with 415 (RFC 9110 §15.5.16).
 */
final class SizeLimitedRequest extends HttpServletRequestWrapper {

  private static final String CONTENT_ENCODING = "Content-Encoding";
  private static final String CONTENT_LENGTH = "Content-Length";

  private final long maxBytes;
  private final String contentCoding;
  private ServletInputStream body;

  SizeLimitedRequest(HttpServletRequest request, long maxBytes) {
    super(request);
    this.maxBytes = maxBytes;
    String coding = request.getHeader(CONTENT_ENCODING);
    this.contentCoding = coding == null ? "identity" : coding.trim().toLowerCase(Locale.ROOT);
  }

  private boolean gzip() {
    return "gzip".equals(contentCoding) || "x-gzip".equals(contentCoding);
  }

  @Override
  public ServletInputStream getInputStream() throws IOException {
    if (body == null) {
      if (!gzip() && !"identity".equals(contentCoding)) {
        throw new UnsupportedMediaTypeException(
            "Content-Encoding '" + contentCoding + "' is not supported; send the body plain or gzip");
      }
      long declared = super.getContentLengthLong();
      if (!gzip() && declared > maxBytes) {
        throw tooLarge();
      }
      InputStream raw = super.getInputStream();
      body = new CountingInputStream(gzip() ? gunzip(raw) : raw);
    }
    return body;
  }

  private static InputStream gunzip(InputStream raw) throws IOException {
    try {
      return new GZIPInputStream(raw);
    } catch (ZipException | EOFException e) {
      throw notGzip(e);
    }
  }

  /** The client's mistake, so a 400 (HAPI would log an unreadable body as a server error). */
  private static InvalidRequestException notGzip(IOException cause) {
    return new InvalidRequestException(
        "The body is not valid gzip, though its Content-Encoding says so: " + cause.getMessage());
  }

  @Override
  public BufferedReader getReader() throws IOException {
    String encoding = getCharacterEncoding();
    Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
    return new BufferedReader(new InputStreamReader(getInputStream(), charset));
  }

  @Override
  public String getHeader(String name) {
    return hidden(name) ? null : super.getHeader(name);
  }

  @Override
  public Enumeration<String> getHeaders(String name) {
    return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
  }

  @Override
  public Enumeration<String> getHeaderNames() {
    if (!gzip()) {
      return super.getHeaderNames(); // nothing hidden: no copy of the names on every request
    }
    List<String> names = Collections.list(super.getHeaderNames());
    names.removeIf(this::hidden);
    return Collections.enumeration(names);
  }

  @Override
  public int getContentLength() {
    return gzip() ? -1 : super.getContentLength();
  }

  @Override
  public long getContentLengthLong() {
    return gzip() ? -1 : super.getContentLengthLong();
  }

  private boolean hidden(String header) {
    return gzip()
        && (CONTENT_ENCODING.equalsIgnoreCase(header) || CONTENT_LENGTH.equalsIgnoreCase(header));
  }

  private PayloadTooLargeException tooLarge() {
    return new PayloadTooLargeException(
        "The request body is larger than this server accepts (" + maxBytes + " bytes)");
  }

  /** Counts what is read and refuses the byte past the limit. */
  private final class CountingInputStream extends ServletInputStream {

    private final InputStream in;
    private long count;
    private boolean finished;

    CountingInputStream(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      int b;
      try {
        b = in.read();
      } catch (ZipException | EOFException e) {
        throw notGzip(e);
      }
      if (b < 0) {
        finished = true;
      } else {
        counted(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n;
      try {
        n = in.read(buffer, offset, length);
      } catch (ZipException | EOFException e) {
        throw notGzip(e);
      }
      if (n < 0) {
        finished = true;
      } else {
        counted(n);
      }
      return n;
    }

    private void counted(int n) {
      count += n;
      if (count > maxBytes) {
        throw tooLarge();
      }
    }

    @Override
    public boolean isFinished() {
      return finished;
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setReadListener(ReadListener listener) {
      throw new IllegalStateException("The FHIR API reads request bodies blocking, not asynchronously");
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
