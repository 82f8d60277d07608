package org.tifli.deploy;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Makes bearer tokens the way Tifli does (RS256 JSON Web Tokens with the MicroProfile JWT claims),
 * for the callers a test cannot sign in as: a service account of the {@code system} role, a user
 * who is both officer and supervisor, a token that has expired, one signed by another key.
 *
 * <p>It signs with the embedded default's own key, read from the server's data directory, or with a
 * key of its own for a foreign token.
 */
final class TokenMint {

  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

  private final PrivateKey key;

  private TokenMint(PrivateKey key) {
    this.key = key;
  }

  /** Signs as the installation whose data directory this is. */
  static TokenMint of(Path dataDir) {
    try {
      String pem =
          Files.readString(dataDir.resolve("keys").resolve("token-signing-private.pem"))
              .replaceAll("-----[A-Z ]+-----", "")
              .replaceAll("\\s", "");
      PrivateKey key =
          KeyFactory.getInstance("RSA")
              .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
      return new TokenMint(key);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Signs with a key nobody else has. */
  static TokenMint foreign() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return new TokenMint(generator.generateKeyPair().getPrivate());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A token valid for an hour. */
  String token(String name, List<String> groups) {
    return token(name, groups, Instant.now().plus(Duration.ofHours(1)));
  }

  String token(String name, List<String> groups, Instant expiry) {
    JsonArrayBuilder groupArray = Json.createArrayBuilder();
    groups.forEach(groupArray::add);
    String claims =
        Json.createObjectBuilder()
            .add("iss", "tifli")
            .add("sub", name)
            .add("upn", name)
            .add("groups", groupArray)
            .add("iat", expiry.minus(Duration.ofHours(2)).getEpochSecond())
            .add("exp", expiry.getEpochSecond())
            .add("jti", UUID.randomUUID().toString())
            .build()
            .toString();
    String signingInput = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + encode(claims);
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(key);
      rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + B64URL.encodeToString(rsa.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The token with its claims replaced and its signature kept: what a forger would try. */
  static String tampered(String token, String name, List<String> groups) {
    String[] parts = token.split("\\.");
    JsonArrayBuilder groupArray = Json.createArrayBuilder();
    groups.forEach(groupArray::add);
    String claims =
        Json.createObjectBuilder()
            .add("iss", "tifli")
            .add("sub", name)
            .add("upn", name)
            .add("groups", groupArray)
            .add("exp", Instant.now().plus(Duration.ofHours(1)).getEpochSecond())
            .build()
            .toString();
    return parts[0] + "." + encode(claims) + "." + parts[2];
  }

  private static String encode(String json) {
    return B64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
