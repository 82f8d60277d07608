package org.tifli.infrastructure.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
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
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
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
    keys.load();
    return keys;
  }

  private static String pem(String type, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }
}
