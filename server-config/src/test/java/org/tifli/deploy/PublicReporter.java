package org.tifli.deploy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Someone of the public, posting to Tifli without a token from a loopback address of their own.
 *
 * <p>Tifli limits sightings per client address and believes no header about it, so a test that
 * wants its own count must really come from another address. On Linux the whole of 127.0.0.0/8 is
 * loopback: each reporter binds its connections to the next unused address there (127.0.1.1,
 * 127.0.1.2, ...), so no two reporters of a test run share a bucket. The JDK's HTTP client cannot
 * choose its local address before Java 19, hence the few lines of HTTP/1.1 here.
 */
final class PublicReporter {

  private static final AtomicInteger NEXT = new AtomicInteger(256);
  private static final byte[] CRLF = {'\r', '\n'};

  private final InetAddress address;
  private final int port;
  private final String apiPath;

  /** One answer: status, headers (names in lower case) and the body as text. */
  record Reply(int status, Map<String, String> headers, String body) {

    String contentType() {
      return headers.getOrDefault("content-type", "");
    }

    JsonObject json() {
      try (JsonReader reader = Json.createReader(new StringReader(body))) {
        JsonStructure json = reader.read();
        return (JsonObject) json;
      }
    }
  }

  private PublicReporter(InetAddress address, int port, String apiPath) {
    this.address = address;
    this.port = port;
    this.apiPath = apiPath;
  }

  /** A reporter at a loopback address no other reporter of this run has used. */
  static PublicReporter fresh(String appUrl) {
    int n = NEXT.getAndIncrement();
    if (n >= 254 * 256) {
      throw new IllegalStateException("no loopback address left");
    }
    try {
      InetAddress address =
          InetAddress.getByAddress(new byte[] {127, 0, (byte) (n / 256), (byte) (1 + n % 256)});
      URI app = URI.create(appUrl);
      return new PublicReporter(address, app.getPort(), app.getPath() + "/api/v1");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The address the server sees this reporter's requests come from. */
  String address() {
    return address.getHostAddress();
  }

  /** Posts the JSON object to a path of the API. */
  Reply post(String path, JsonObjectBuilder json) {
    return post(path, json.build().toString());
  }

  /** Posts the body, as JSON, to a path of the API such as {@code /alerts/7/sightings}. */
  Reply post(String path, String body) {
    return send("POST", path, "application/json", body.getBytes(StandardCharsets.UTF_8), false);
  }

  /**
   * Sends any request to a path of the API.
   *
   * @param contentType the {@code Content-Type}, or null to send none
   * @param body the body, or null for none
   * @param chunked whether to send the body in chunks, without saying its length beforehand
   */
  Reply send(String method, String path, String contentType, byte[] body, boolean chunked) {
    StringBuilder head =
        new StringBuilder(method)
            .append(' ')
            .append(apiPath)
            .append(path)
            .append(" HTTP/1.1\r\nHost: 127.0.0.1:")
            .append(port)
            .append("\r\n");
    if (contentType != null) {
      head.append("Content-Type: ").append(contentType).append("\r\n");
    }
    if (body != null && chunked) {
      head.append("Transfer-Encoding: chunked\r\n");
    } else if (body != null) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("Connection: close\r\n\r\n");
    try (Socket socket = new Socket()) {
      socket.setSoTimeout(60_000);
      socket.bind(new InetSocketAddress(address, 0));
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
      if (body != null && chunked) {
        writeChunked(out, body);
      } else if (body != null) {
        out.write(body);
      }
      out.flush();
      return read(socket.getInputStream().readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The body in chunks of 64 kB, each its size in hex and the bytes, then the empty chunk. */
  private static void writeChunked(OutputStream out, byte[] body) throws IOException {
    int chunk = 64 * 1024;
    for (int at = 0; at < body.length; at += chunk) {
      int length = Math.min(chunk, body.length - at);
      out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body, at, length);
      out.write(CRLF);
    }
    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
  }

  private static Reply read(byte[] response) {
    int end = indexOf(response, "\r\n\r\n", 0);
    String[] lines = new String(response, 0, end, StandardCharsets.US_ASCII).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new TreeMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(
          lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).trim());
    }
    int bodyStart = end + 4;
    byte[] body =
        "chunked".equalsIgnoreCase(headers.get("transfer-encoding"))
            ? dechunk(response, bodyStart)
            : Arrays.copyOfRange(response, bodyStart, response.length);
    return new Reply(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  /** The body of a chunked answer: each chunk is its size in hex, a line break, the bytes. */
  private static byte[] dechunk(byte[] response, int from) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int at = from;
    while (true) {
      int lineEnd = indexOf(response, "\r\n", at);
      String size = new String(response, at, lineEnd - at, StandardCharsets.US_ASCII);
      int length = Integer.parseInt(size.split(";")[0].trim(), 16);
      if (length == 0) {
        return body.toByteArray();
      }
      body.write(response, lineEnd + 2, length);
      at = lineEnd + 2 + length + 2;
    }
  }

  private static int indexOf(byte[] bytes, String ascii, int from) {
    byte[] wanted = ascii.getBytes(StandardCharsets.US_ASCII);
    for (int i = from; i + wanted.length <= bytes.length; i++) {
      if (Arrays.equals(bytes, i, i + wanted.length, wanted, 0, wanted.length)) {
        return i;
      }
    }
    throw new IllegalStateException("a truncated HTTP answer");
  }
}
