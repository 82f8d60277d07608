package org.tifli.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tifli.infrastructure.security.AccessTokens.Bearer;

class AccessTokensTest {

  private static KeyMaterial keys;
  private static KeyMaterial otherInstallationKeys;

  @BeforeAll
  static void makeKeys(@TempDir Path folder) throws Exception {
    keys = TestKeys.fresh(folder);
    otherInstallationKeys = TestKeys.fresh(folder);
  }

  private static AccessTokens tokens(KeyMaterial keyMaterial, String issuer, String lifetime) {
    AccessTokens tokens = new AccessTokens();
    tokens.keys = keyMaterial;
    tokens.issuer = issuer;
    tokens.lifetime = lifetime;
    tokens.externalAudience = Optional.empty();
    return tokens;
  }

  private final AccessTokens tokens = tokens(keys, "tifli", "PT1H");

  @Test
  void anIssuedTokenVerifiesAsItsUserWithTheirGroups() {
    AccessTokens.IssuedToken issued = tokens.issue("supervisor", List.of("supervisor", "officer"));

    assertThat(issued.expiresIn()).isEqualTo(3600);
    assertThat(tokens.verify(issued.token()))
        .contains(new Bearer("supervisor", Set.of("supervisor", "officer"), true));
  }

  @Test
  void theTokenCarriesTheMicroProfileJwtClaims() {
    String token = tokens.issue("officer", List.of("officer")).token();

    String claims = decode(token.split("\\.")[1]);
    assertThat(claims)
        .contains("\"iss\":\"tifli\"")
        .contains("\"sub\":\"officer\"")
        .contains("\"upn\":\"officer\"")
        .contains("\"groups\":[\"officer\"]")
        .contains("\"exp\":")
        .contains("\"jti\":");
    assertThat(decode(token.split("\\.")[0])).contains("\"alg\":\"RS256\"");
  }

  @Test
  void anExpiredTokenIsRefused() {
    // A lifetime in the past gives a token whose expiry has passed when it is checked.
    String expired = tokens(keys, "tifli", "PT-1M").issue("officer", List.of("officer")).token();

    assertThat(tokens.verify(expired)).isEmpty();
  }

  @Test
  void aTokenWithATamperedSignatureIsRefused() {
    String[] parts = tokens.issue("officer", List.of("officer")).token().split("\\.");
    String signature = parts[2];
    // A character in the middle: the last one may only carry padding bits.
    char swapped = signature.charAt(40) == 'A' ? 'B' : 'A';
    String tampered =
        parts[0]
            + "."
            + parts[1]
            + "."
            + signature.substring(0, 40)
            + swapped
            + signature.substring(41);

    assertThat(tokens.verify(tampered)).isEmpty();
  }

  @Test
  void aTokenWhoseClaimsWereRewrittenIsRefused() {
    String[] parts = tokens.issue("officer", List.of("officer")).token().split("\\.");
    String promoted = encode(decode(parts[1]).replace("[\"officer\"]", "[\"admin\"]"));

    assertThat(tokens.verify(parts[0] + "." + promoted + "." + parts[2])).isEmpty();
  }

  @Test
  void aTokenSignedByAnotherInstallationIsRefused() {
    String foreign =
        tokens(otherInstallationKeys, "tifli", "PT1H").issue("admin", List.of("admin")).token();

    assertThat(tokens.verify(foreign)).isEmpty();
  }

  @Test
  void aTokenFromAnotherIssuerIsRefusedEvenWithTheSameKey() {
    String otherIssuer =
        tokens(keys, "someone-else", "PT1H").issue("admin", List.of("admin")).token();

    assertThat(tokens.verify(otherIssuer)).isEmpty();
  }

  @Test
  void malformedTokensAreRefused() {
    assertThat(tokens.verify("")).isEmpty();
    assertThat(tokens.verify("not-a-token")).isEmpty();
    assertThat(tokens.verify("a.b.c")).isEmpty();
    assertThat(tokens.verify("a.b.c.d")).isEmpty();
  }

  private static String decode(String base64url) {
    return new String(Base64.getUrlDecoder().decode(base64url), StandardCharsets.UTF_8);
  }

  private static String encode(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
