package org.tifli.deploy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body made part by part, as a browser or a script would send a photo
 * upload, or as a hostile client would bend one: any part name, file name, declared type and bytes.
 */
final class MultipartBody {

  private static final byte[] CRLF = {'\r', '\n'};

  private final String boundary = "tifli-" + UUID.randomUUID();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  /** A file part: its bytes, the name the client says the file had, and its declared type. */
  MultipartBody file(String name, String filename, String contentType, byte[] content) {
    head(
        "Content-Disposition: form-data; name=\""
            + name
            + "\"; filename=\""
            + filename
            + "\"\r\nContent-Type: "
            + contentType);
    bytes.writeBytes(content);
    bytes.writeBytes(CRLF);
    return this;
  }

  /** A text field. */
  MultipartBody field(String name, String value) {
    head("Content-Disposition: form-data; name=\"" + name + "\"");
    bytes.writeBytes(value.getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(CRLF);
    return this;
  }

  /** The {@code Content-Type} of the body, with its boundary. */
  String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  /** The whole body, closed by the final boundary. */
  byte[] bytes() {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.writeBytes(bytes.toByteArray());
    all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return all.toByteArray();
  }

  /** The body without its final boundary, as a client cut off mid-upload would leave it. */
  byte[] unfinished() {
    return bytes.toByteArray();
  }

  private void head(String headers) {
    bytes.writeBytes(
        ("--" + boundary + "\r\n" + headers + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
  }
}
