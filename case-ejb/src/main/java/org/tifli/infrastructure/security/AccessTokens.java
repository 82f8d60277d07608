package org.tifli.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
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
 * {@code exp}, {@code jti}).
 *
 * <p>A token is accepted only when its header says RS256, its {@code iss} is an issuer this
 * installation trusts, its signature verifies with that issuer's key (never a key the token names),
 * and its expiry is in the future. The trusted issuers are Tifli itself ({@code tifli.jwt.issuer},
 * unless {@code tifli.jwt.local-tokens=false}) and the identity provider of {@link
 * KeyMaterial#externalIssuer()}, whose tokens may also be required to name this installation in
 * {@code aud} ({@code tifli.jwt.external.audience}). The holder's name is {@code upn}, else {@code
 * preferred_username}, else {@code sub}, and the roles are {@code groups}, as in MicroProfile JWT.
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

  @Inject
  @ConfigProperty(name = "tifli.jwt.external.audience")
  Optional<String> externalAudience;

  private final Clock clock = Clock.systemUTC();

  /**
   * The holder of a verified token: who, the groups (roles) the token grants, and whether Tifli
   * issued it (then the name is one of its accounts) or the external identity provider did.
   */
  public record Bearer(String name, Set<String> groups, boolean issuedHere) {}

  /** Whether Tifli issues tokens itself, or leaves that to the external identity provider. */
  public boolean issuesTokens() {
    return keys.issuesTokens();
  }

  /** The {@code iss} of the identity provider whose tokens are accepted too, if there is one. */
  public Optional<String> externalIssuer() {
    return keys.externalIssuer().map(KeyMaterial.TrustedIssuer::issuer);
  }

  /** A new token for the user or system account, with its lifetime. */
  public IssuedToken issue(String username, Collection<String> groups) {
    if (!issuesTokens()) {
      throw new IllegalStateException("tokens come from the external issuer");
    }
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
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      JsonObject header = parse(parts[0]);
      JsonObject claims = parse(parts[1]);
      // Only RS256, whatever the header asks: "none" or an HMAC keyed with a public key is refused.
      if (!"RS256".equals(header.getString("alg", "")) || header.containsKey("crit")) {
        return Optional.empty();
      }
      String tokenIssuer = claims.getString("iss", "");
      boolean issuedHere = keys.issuesTokens() && issuer.equals(tokenIssuer);
      Optional<RSAPublicKey> key =
          issuedHere
              ? Optional.of(keys.tokenVerificationKey())
              : keys.externalIssuer()
                  .filter(trusted -> trusted.issuer().equals(tokenIssuer))
                  .map(KeyMaterial.TrustedIssuer::key);
      if (key.isEmpty()
          || !verifySignature(key.get(), parts[0] + "." + parts[1], parts[2])
          || !current(claims)
          || (!issuedHere && !forThisInstallation(claims))) {
        return Optional.empty();
      }
      String name =
          claims.getString(
              "upn", claims.getString("preferred_username", claims.getString("sub", "")));
      return name.isBlank()
          ? Optional.empty()
          : Optional.of(new Bearer(name, strings(claims, "groups"), issuedHere));
    } catch (JsonException | IllegalArgumentException | ClassCastException e) {
      return Optional.empty();
    }
  }

  /** An expiry in the future, and no "not before" still to come. */
  private boolean current(JsonObject claims) {
    long now = clock.instant().getEpochSecond();
    JsonNumber expiry = claims.getJsonNumber("exp");
    JsonNumber notBefore = claims.getJsonNumber("nbf");
    return expiry != null
        && expiry.longValue() > now
        && (notBefore == null || notBefore.longValue() <= now);
  }

  /** With an audience configured, the external token must name it in {@code aud}. */
  private boolean forThisInstallation(JsonObject claims) {
    if (externalAudience.isEmpty()) {
      return true;
    }
    JsonValue audience = claims.get("aud");
    if (audience instanceof JsonString single) {
      return single.getString().equals(externalAudience.get());
    }
    return strings(claims, "aud").contains(externalAudience.get());
  }

  private static Set<String> strings(JsonObject claims, String name) {
    if (!(claims.get(name) instanceof JsonArray array)) {
      return Set.of();
    }
    return array.stream()
        .filter(v -> v.getValueType() == JsonValue.ValueType.STRING)
        .map(v -> ((JsonString) v).getString())
        .collect(Collectors.toUnmodifiableSet());
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

  private static boolean verifySignature(RSAPublicKey key, String signingInput, String signature) {
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initVerify(key);
      rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return rsa.verify(B64URL_DECODER.decode(signature));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }
}
