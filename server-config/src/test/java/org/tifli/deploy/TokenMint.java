package org.tifli.deploy;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Makes bearer tokens the way Tifli or an identity provider does (RS256 JSON Web Tokens with the
 * MicroProfile JWT claims), for the callers a test cannot sign in as: a service account of the
 * {@code system} role, a user who is both officer and supervisor, a token that has expired, one
 * signed by another key, one of the installation's identity provider.
 *
 * <p>It signs as the embedded default, with its own key read from the server's data directory; or
 * with a key of its own, as a foreign issuer or as an identity provider the server is told to
 * trust.
 */
final class TokenMint {

  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
  private static final String TIFLI = "tifli";

  private final KeyPair keys;
  private final String issuer;
  private final String audience;
  private final String nameClaim;

  private TokenMint(KeyPair keys, String issuer, String audience, String nameClaim) {
    this.keys = keys;
    this.issuer = issuer;
    this.audience = audience;
    this.nameClaim = nameClaim;
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
      return new TokenMint(new KeyPair(null, key), TIFLI, null, "upn");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Signs as Tifli would, but with a key nobody else has. */
  static TokenMint foreign() {
    return new TokenMint(newKeyPair(), TIFLI, null, "upn");
  }

  /**
   * An identity provider with a key pair of its own, naming its users as such providers do, in
   * {@code preferred_username}.
   *
   * @param audience what its tokens name in {@code aud}; null for none
   */
  static TokenMint identityProvider(String issuer, String audience) {
    return new TokenMint(newKeyPair(), issuer, audience, "preferred_username");
  }

  /** The same key, writing another issuer in its tokens. */
  TokenMint claimingIssuer(String otherIssuer) {
    return new TokenMint(keys, otherIssuer, audience, nameClaim);
  }

  /** The same key and issuer, writing another audience (null for none) in its tokens. */
  TokenMint forAudience(String otherAudience) {
    return new TokenMint(keys, issuer, otherAudience, nameClaim);
  }

  /** Another key, claiming the same issuer: what someone posing as the provider would make. */
  TokenMint impostor() {
    return new TokenMint(newKeyPair(), issuer, audience, nameClaim);
  }

  /** Writes the public key, as the provider publishes it, to a PEM file; returns the file. */
  Path writePublicKey(Path file) throws IOException {
    PublicKey key = keys.getPublic();
    String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded());
    Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n");
    return file;
  }

  /** A token valid for an hour. */
  String token(String name, List<String> groups) {
    return token(name, groups, Instant.now().plus(Duration.ofHours(1)));
  }

  String token(String name, List<String> groups, Instant expiry) {
    JsonObjectBuilder claims =
        Json.createObjectBuilder()
            .add("iss", issuer)
            .add("sub", nameClaim.equals("upn") ? name : UUID.randomUUID().toString())
            .add(nameClaim, name)
            .add("groups", array(groups))
            .add("iat", expiry.minus(Duration.ofHours(2)).getEpochSecond())
            .add("exp", expiry.getEpochSecond())
            .add("jti", UUID.randomUUID().toString());
    if (audience != null) {
      claims.add("aud", audience);
    }
    String signingInput =
        encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + encode(claims.build().toString());
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(keys.getPrivate());
      rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + B64URL.encodeToString(rsa.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The token with its claims replaced and its signature kept: what a forger would try. */
  static String tampered(String token, String name, List<String> groups) {
    String[] parts = token.split("\\.");
    String claims =
        Json.createObjectBuilder()
            .add("iss", TIFLI)
            .add("sub", name)
            .add("upn", name)
            .add("groups", array(groups))
            .add("exp", Instant.now().plus(Duration.ofHours(1)).getEpochSecond())
            .build()
            .toString();
    return parts[0] + "." + encode(claims) + "." + parts[2];
  }

  private static JsonArrayBuilder array(List<String> values) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    values.forEach(array::add);
    return array;
  }

  private static KeyPair newKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String json) {
    return B64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
