package org.tifli.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tifli.infrastructure.security.AccessTokens.Bearer;

/**
 * Tokens from an installation's own identity provider: accepted only where that issuer and its key
 * are configured, only RS256 with that very key, only while current, and, with an audience
 * configured, only when they name it.
 */
class ExternalIssuerTokensTest {

  private static final String PROVIDER = "https://sso.police.example/realms/dgsn";

  private static KeyPair provider;
  private static KeyPair impostor;
  private static KeyMaterial trusting;
  private static KeyMaterial trustingOnly;
  private static KeyMaterial notTrusting;

  @BeforeAll
  static void makeKeys(@TempDir Path folder) throws Exception {
    provider = TestKeys.rsaPair();
    impostor = TestKeys.rsaPair();
    trusting = TestKeys.trusting(folder, PROVIDER, provider.getPublic(), true);
    trustingOnly = TestKeys.trusting(folder, PROVIDER, provider.getPublic(), false);
    notTrusting = TestKeys.fresh(folder);
  }

  private static AccessTokens tokens(KeyMaterial keyMaterial, Optional<String> audience) {
    AccessTokens tokens = new AccessTokens();
    tokens.keys = keyMaterial;
    tokens.issuer = "tifli";
    tokens.lifetime = "PT1H";
    tokens.externalAudience = audience;
    return tokens;
  }

  private final AccessTokens tokens = tokens(trusting, Optional.empty());

  @Test
  void theProvidersTokenIsAcceptedWithItsUpnAndGroups() throws Exception {
    String token = rs256(provider.getPrivate(), claims().add("upn", "a.idrissi").build());

    assertThat(tokens.verify(token))
        .contains(new Bearer("a.idrissi", Set.of("officer", "supervisor"), false));
  }

  @Test
  void withoutUpnThePreferredUsernameThenTheSubjectNamesTheHolder() throws Exception {
    String preferred =
        rs256(
            provider.getPrivate(),
            claims().add("preferred_username", "k.tazi").add("sub", "f81d4fae").build());
    String subjectOnly = rs256(provider.getPrivate(), claims().add("sub", "f81d4fae").build());

    assertThat(tokens.verify(preferred)).map(Bearer::name).contains("k.tazi");
    assertThat(tokens.verify(subjectOnly)).map(Bearer::name).contains("f81d4fae");
  }

  @Test
  void theProvidersTokenIsRefusedWhereTheProviderIsNotConfigured() throws Exception {
    String token = rs256(provider.getPrivate(), claims().add("upn", "a.idrissi").build());

    assertThat(tokens(notTrusting, Optional.empty()).verify(token)).isEmpty();
  }

  @Test
  void aTokenInTheProvidersNameSignedWithAnotherKeyIsRefused() throws Exception {
    String forged = rs256(impostor.getPrivate(), claims().add("upn", "a.idrissi").build());

    assertThat(tokens.verify(forged)).isEmpty();
  }

  @Test
  void eachIssuerIsCheckedWithItsOwnKeyOnly() throws Exception {
    String providerNameTifliKey =
        rs256(trusting.tokenSigningKey(), claims().add("upn", "a.idrissi").build());
    String tifliNameProviderKey =
        rs256(provider.getPrivate(), claims().add("iss", "tifli").add("upn", "admin").build());

    assertThat(tokens.verify(providerNameTifliKey)).isEmpty();
    assertThat(tokens.verify(tifliNameProviderKey)).isEmpty();
  }

  @Test
  void anExpiredProviderTokenIsRefused() throws Exception {
    long past = Instant.now().minusSeconds(60).getEpochSecond();
    String expired =
        rs256(provider.getPrivate(), claims().add("upn", "a.idrissi").add("exp", past).build());
    String withoutExpiry =
        rs256(
            provider.getPrivate(),
            Json.createObjectBuilder(claims().add("upn", "a.idrissi").build())
                .remove("exp")
                .build());

    assertThat(tokens.verify(expired)).isEmpty();
    assertThat(tokens.verify(withoutExpiry)).isEmpty();
  }

  @Test
  void aTokenNotValidYetIsRefused() throws Exception {
    long later = Instant.now().plusSeconds(600).getEpochSecond();
    String early =
        rs256(provider.getPrivate(), claims().add("upn", "a.idrissi").add("nbf", later).build());

    assertThat(tokens.verify(early)).isEmpty();
  }

  @Test
  void anUnsignedTokenIsRefused() throws Exception {
    JsonObject claims = claims().add("upn", "a.idrissi").build();
    String none = encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + encode(claims.toString());
    // The same claims with a good RS256 signature, under a header that says "none".
    String relabelled =
        encode("{\"alg\":\"none\"}")
            + "."
            + encode(claims.toString())
            + "."
            + rs256(provider.getPrivate(), claims).split("\\.")[2];

    assertThat(tokens.verify(none + ".")).isEmpty();
    assertThat(tokens.verify(none + ".AAAA")).isEmpty();
    assertThat(tokens.verify(relabelled)).isEmpty();
  }

  @Test
  void anHmacTokenKeyedWithThePublicKeyIsRefused() throws Exception {
    String signingInput =
        encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}")
            + "."
            + encode(claims().add("upn", "a.idrissi").build().toString());
    Mac hmac = Mac.getInstance("HmacSHA256");
    hmac.init(new SecretKeySpec(provider.getPublic().getEncoded(), "HmacSHA256"));
    String signature =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(hmac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));

    assertThat(tokens.verify(signingInput + "." + signature)).isEmpty();
  }

  @Test
  void withAnAudienceConfiguredTheTokenMustNameIt() throws Exception {
    AccessTokens strict = tokens(trusting, Optional.of("tifli-api"));
    String noAudience = rs256(provider.getPrivate(), claims().add("upn", "a.idrissi").build());
    String otherAudience =
        rs256(
            provider.getPrivate(), claims().add("upn", "a.idrissi").add("aud", "payroll").build());
    String single =
        rs256(
            provider.getPrivate(),
            claims().add("upn", "a.idrissi").add("aud", "tifli-api").build());
    String among =
        rs256(
            provider.getPrivate(),
            claims()
                .add("upn", "a.idrissi")
                .add("aud", Json.createArrayBuilder().add("payroll").add("tifli-api"))
                .build());

    assertThat(strict.verify(noAudience)).isEmpty();
    assertThat(strict.verify(otherAudience)).isEmpty();
    assertThat(strict.verify(single)).isPresent();
    assertThat(strict.verify(among)).isPresent();
  }

  @Test
  void tifliTokensWorkBesideTheProvidersUnlessTurnedOff() throws Exception {
    String tifliToken = tokens.issue("officer", List.of("officer")).token();
    AccessTokens providerOnly = tokens(trustingOnly, Optional.empty());
    String providerToken = rs256(provider.getPrivate(), claims().add("upn", "a.idrissi").build());

    assertThat(tokens.verify(tifliToken)).map(Bearer::issuedHere).contains(true);
    assertThat(providerOnly.issuesTokens()).isFalse();
    assertThat(providerOnly.externalIssuer()).contains(PROVIDER);
    assertThat(providerOnly.verify(tifliToken)).isEmpty();
    assertThat(providerOnly.verify(providerToken)).isPresent();
    assertThrows(IllegalStateException.class, () -> providerOnly.issue("officer", List.of()));
  }

  @Test
  void anIssuerWithoutItsKeyOrNoIssuerAtAllRefusesToStart(@TempDir Path folder) throws Exception {
    KeyMaterial issuerWithoutKey = TestKeys.trusting(folder, PROVIDER, provider.getPublic(), true);
    issuerWithoutKey.externalPublicKeyFile = Optional.empty();
    KeyMaterial noTokensAtAll = TestKeys.trusting(folder, PROVIDER, provider.getPublic(), false);
    noTokensAtAll.externalIssuerName = Optional.empty();
    noTokensAtAll.externalPublicKeyFile = Optional.empty();

    assertThrows(IllegalStateException.class, issuerWithoutKey::load);
    assertThrows(IllegalStateException.class, noTokensAtAll::load);
  }

  /** Claims as an identity provider sends them: its issuer, roles, an hour of validity. */
  private static JsonObjectBuilder claims() {
    Instant now = Instant.now();
    return Json.createObjectBuilder()
        .add("iss", PROVIDER)
        .add("groups", Json.createArrayBuilder().add("officer").add("supervisor"))
        .add("iat", now.getEpochSecond())
        .add("exp", now.plusSeconds(3600).getEpochSecond());
  }

  private static String rs256(PrivateKey key, JsonObject claims) throws GeneralSecurityException {
    String signingInput =
        encode("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"k1\"}")
            + "."
            + encode(claims.toString());
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initSign(key);
    rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
  }

  private static String encode(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
