package org.tifli.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issues and checks the bearer tokens of the API: JSON Web Tokens signed with RS256, carrying the
 * claims of MicroProfile JWT ({@code iss}, {@code sub}, {@code upn}, {@code groups}, {@code iat},
 * {@code exp}, {@code jti}). A token is accepted only with a valid signature from this
 * installation's key, the configured issuer, and an expiry in the future.
 */
@ApplicationScoped
public class AccessTokens {

  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64URL_DECODER = Base64.getUrlDecoder();
  private static final String HEADER =
      B64URL.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

  @Inject KeyMaterial keys;

  @Inject
  @ConfigProperty(name = "tifli.jwt.issuer", defaultValue = "tifli")
  String issuer;

  @Inject
  @ConfigProperty(name = "tifli.jwt.lifetime", defaultValue = "PT1H")
  String lifetime;

  private final Clock clock = Clock.systemUTC();

  /** The holder of a verified token: who, and the groups (roles) the token grants. */
  public record Bearer(String name, Set<String> groups) {}

  /** A new token for the user or system account, with its lifetime. */
  public IssuedToken issue(String username, Collection<String> groups) {
    Instant now = clock.instant();
    Duration validity = Duration.parse(lifetime);
    JsonArrayBuilder groupArray = Json.createArrayBuilder();
    groups.forEach(groupArray::add);
    String claims =
        Json.createObjectBuilder()
            .add("iss", issuer)
            .add("sub", username)
            .add("upn", username)
            .add("groups", groupArray)
            .add("iat", now.getEpochSecond())
            .add("exp", now.plus(validity).getEpochSecond())
            .add("jti", UUID.randomUUID().toString())
            .build()
            .toString();
    String signingInput =
        HEADER + "." + B64URL.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    return new IssuedToken(signingInput + "." + sign(signingInput), validity.toSeconds());
  }

  /** A token and the seconds it is valid for. */
  public record IssuedToken(String token, long expiresIn) {}

  /** The bearer of a valid token; empty for anything forged, expired, foreign or malformed. */
  public Optional<Bearer> verify(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3 || !verifySignature(parts[0] + "." + parts[1], parts[2])) {
      return Optional.empty();
    }
    try {
      JsonObject header = parse(parts[0]);
      JsonObject claims = parse(parts[1]);
      if (!"RS256".equals(header.getString("alg", ""))
          || !issuer.equals(claims.getString("iss", ""))
          || claims.getJsonNumber("exp") == null
          || claims.getJsonNumber("exp").longValue() <= clock.instant().getEpochSecond()) {
        return Optional.empty();
      }
      String name = claims.getString("upn", claims.getString("sub", ""));
      Set<String> groups =
          claims.getJsonArray("groups") == null
              ? Set.of()
              : claims.getJsonArray("groups").stream()
                  .filter(v -> v.getValueType() == JsonValue.ValueType.STRING)
                  .map(v -> ((JsonString) v).getString())
                  .collect(Collectors.toUnmodifiableSet());
      return name.isEmpty() ? Optional.empty() : Optional.of(new Bearer(name, groups));
    } catch (JsonParsingException | IllegalArgumentException | ClassCastException e) {
      return Optional.empty();
    }
  }

  private static JsonObject parse(String base64url) {
    byte[] json = B64URL_DECODER.decode(base64url);
    try (var reader =
        Json.createReader(new StringReader(new String(json, StandardCharsets.UTF_8)))) {
      return reader.readObject();
    }
  }

  private String sign(String signingInput) {
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(keys.tokenSigningKey());
      rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return B64URL.encodeToString(rsa.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign a token", e);
    }
  }

  private boolean verifySignature(String signingInput, String signature) {
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initVerify(keys.tokenVerificationKey());
      rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return rsa.verify(B64URL_DECODER.decode(signature));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }
}
