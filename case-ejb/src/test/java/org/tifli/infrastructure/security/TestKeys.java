package org.tifli.infrastructure.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Key material as a production installation configures it: an RSA pair in PEM files and a sealing
 * key in base64, all made afresh for the test, so no key is part of the sources.
 */
final class TestKeys {

  private TestKeys() {}

  /** Loads fresh keys through {@link KeyMaterial}'s own configured-files path. */
  static KeyMaterial fresh(Path folder) throws IOException, GeneralSecurityException {
    KeyMaterial keys = configured(folder);
    keys.load();
    return keys;
  }

  /**
   * Fresh keys of an installation that also accepts the tokens of an identity provider, given as
   * its issuer and a PEM file of its public key; with {@code localTokens} false, only those.
   */
  static KeyMaterial trusting(
      Path folder, String externalIssuer, PublicKey externalKey, boolean localTokens)
      throws IOException, GeneralSecurityException {
    Path externalFile = Files.createTempFile(folder, "provider-public", ".pem");
    Files.writeString(externalFile, pem("PUBLIC KEY", externalKey.getEncoded()));
    KeyMaterial keys = configured(folder);
    keys.externalIssuerName = Optional.of(externalIssuer);
    keys.externalPublicKeyFile = Optional.of(externalFile.toString());
    keys.localTokens = localTokens;
    keys.load();
    return keys;
  }

  static KeyPair rsaPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  private static KeyMaterial configured(Path folder) throws IOException, GeneralSecurityException {
    KeyPair pair = rsaPair();
    Path privateFile = Files.createTempFile(folder, "token-private", ".pem");
    Path publicFile = Files.createTempFile(folder, "token-public", ".pem");
    Files.writeString(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    Files.writeString(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    byte[] sealing = new byte[32];
    new SecureRandom().nextBytes(sealing);

    KeyMaterial keys = new KeyMaterial();
    keys.privateKeyFile = Optional.of(privateFile.toString());
    keys.publicKeyFile = Optional.of(publicFile.toString());
    keys.secretsKey = Optional.of(Base64.getEncoder().encodeToString(sealing));
    keys.localTokens = true;
    keys.externalIssuerName = Optional.empty();
    keys.externalPublicKeyFile = Optional.empty();
    return keys;
  }

  private static String pem(String type, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }
}
