package org.tifli.infrastructure.security;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tifli.infrastructure.config.DeploymentProfile;

/**
 * The keys Tifli holds: the RSA pair that signs access tokens, the AES key that seals channel
 * credentials, and the public key of an identity provider whose tokens the installation accepts.
 *
 * <p>Production reads them from configuration ({@code tifli.jwt.private-key-file}, {@code
 * tifli.jwt.public-key-file}, {@code tifli.secrets.key}) and refuses to start without them. The
 * embedded default makes them once, on first start, in {@code <data-dir>/keys}, readable by the
 * owner only; no key is ever part of the build.
 *
 * <p>An installation whose people sign in at its own identity provider names that issuer and its
 * public key ({@code tifli.jwt.external.issuer}, {@code tifli.jwt.external.public-key-file}), both
 * or neither. With {@code tifli.jwt.local-tokens=false} Tifli issues no tokens of its own and needs
 * no signing pair, only the external issuer.
 */
@Singleton
@Startup
public class KeyMaterial {

  private static final Logger LOG = Logger.getLogger(KeyMaterial.class.getName());
  private static final int AES_KEY_BYTES = 32;

  @Inject DeploymentProfile profile;

  @Inject
  @ConfigProperty(name = "tifli.jwt.private-key-file")
  Optional<String> privateKeyFile;

  @Inject
  @ConfigProperty(name = "tifli.jwt.public-key-file")
  Optional<String> publicKeyFile;

  @Inject
  @ConfigProperty(name = "tifli.secrets.key")
  Optional<String> secretsKey;

  @Inject
  @ConfigProperty(name = "tifli.jwt.local-tokens", defaultValue = "true")
  boolean localTokens;

  @Inject
  @ConfigProperty(name = "tifli.jwt.external.issuer")
  Optional<String> externalIssuerName;

  @Inject
  @ConfigProperty(name = "tifli.jwt.external.public-key-file")
  Optional<String> externalPublicKeyFile;

  private KeyPair tokenKeys;
  private SecretKey sealingKey;
  private TrustedIssuer externalIssuer;

  /** An identity provider whose RS256 tokens are accepted: its {@code iss} and its public key. */
  public record TrustedIssuer(String issuer, RSAPublicKey key) {}

  @PostConstruct
  void load() {
    externalIssuer = readExternalIssuer();
    if (!localTokens) {
      if (externalIssuer == null) {
        throw new IllegalStateException(
            "tifli.jwt.local-tokens=false needs tifli.jwt.external.issuer and its public key");
      }
      tokenKeys = null;
      LOG.info(() -> "Tokens come from " + externalIssuer.issuer() + " only");
    } else if (privateKeyFile.isPresent() && publicKeyFile.isPresent()) {
      tokenKeys = readKeyPair(Path.of(privateKeyFile.get()), Path.of(publicKeyFile.get()));
    } else if (profile.isEmbedded()) {
      tokenKeys = embeddedKeyPair(profile.dataDirectory().resolve("keys"));
    } else {
      throw new IllegalStateException(
          "tifli.jwt.private-key-file and tifli.jwt.public-key-file must be configured");
    }

    if (secretsKey.isPresent()) {
      sealingKey = aesKey(Base64.getDecoder().decode(secretsKey.get().trim()));
    } else if (profile.isEmbedded()) {
      sealingKey = embeddedSealingKey(profile.dataDirectory().resolve("keys"));
    } else {
      throw new IllegalStateException("tifli.secrets.key must be configured (32 bytes, base64)");
    }
  }

  /** Whether Tifli issues tokens itself; when not, it has no signing key. */
  public boolean issuesTokens() {
    return tokenKeys != null;
  }

  public PrivateKey tokenSigningKey() {
    return localPair().getPrivate();
  }

  public RSAPublicKey tokenVerificationKey() {
    return (RSAPublicKey) localPair().getPublic();
  }

  /** The identity provider whose tokens are accepted besides, or instead of, Tifli's own. */
  public Optional<TrustedIssuer> externalIssuer() {
    return Optional.ofNullable(externalIssuer);
  }

  private KeyPair localPair() {
    if (tokenKeys == null) {
      throw new IllegalStateException("this installation issues no tokens of its own");
    }
    return tokenKeys;
  }

  /** The configured identity provider, or null when there is none. */
  private TrustedIssuer readExternalIssuer() {
    if (externalIssuerName.isEmpty() && externalPublicKeyFile.isEmpty()) {
      return null;
    }
    if (externalIssuerName.isEmpty() || externalPublicKeyFile.isEmpty()) {
      throw new IllegalStateException(
          "tifli.jwt.external.issuer and tifli.jwt.external.public-key-file go together");
    }
    Path file = Path.of(externalPublicKeyFile.get());
    try {
      PublicKey key =
          KeyFactory.getInstance("RSA")
              .generatePublic(new X509EncodedKeySpec(pemBody(Files.readString(file))));
      TrustedIssuer trusted =
          new TrustedIssuer(externalIssuerName.get().trim(), (RSAPublicKey) key);
      LOG.info(() -> "Accepting the tokens of " + trusted.issuer());
      return trusted;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
      throw new IllegalStateException("not a PEM RSA public key: " + file, e);
    }
  }

  public SecretKey sealingKey() {
    return sealingKey;
  }

  private static KeyPair embeddedKeyPair(Path folder) {
    Path privateFile = folder.resolve("token-signing-private.pem");
    Path publicFile = folder.resolve("token-signing-public.pem");
    if (Files.exists(privateFile) && Files.exists(publicFile)) {
      return readKeyPair(privateFile, publicFile);
    }
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      writeOwnerOnly(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
      writeOwnerOnly(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
      LOG.info(() -> "Made a token signing key for this installation in " + folder);
      return pair;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot make a token signing key", e);
    }
  }

  private static SecretKey embeddedSealingKey(Path folder) {
    Path file = folder.resolve("secrets.key");
    try {
      if (!Files.exists(file)) {
        byte[] key = new byte[AES_KEY_BYTES];
        new SecureRandom().nextBytes(key);
        writeOwnerOnly(file, Base64.getEncoder().encodeToString(key));
        LOG.info(() -> "Made a credential sealing key for this installation in " + folder);
      }
      return aesKey(Base64.getDecoder().decode(Files.readString(file).trim()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SecretKey aesKey(byte[] bytes) {
    if (bytes.length != AES_KEY_BYTES) {
      throw new IllegalStateException("the credential sealing key must be 32 bytes");
    }
    return new SecretKeySpec(bytes, "AES");
  }

  private static KeyPair readKeyPair(Path privateFile, Path publicFile) {
    try {
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      PrivateKey privateKey =
          rsa.generatePrivate(new PKCS8EncodedKeySpec(pemBody(Files.readString(privateFile))));
      PublicKey publicKey =
          rsa.generatePublic(new X509EncodedKeySpec(pemBody(Files.readString(publicFile))));
      return new KeyPair(publicKey, privateKey);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("unreadable token key in " + privateFile.getParent(), e);
    }
  }

  /** The DER bytes inside a PEM text (PKCS#8 private key or X.509 public key). */
  static byte[] pemBody(String pem) {
    String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return Base64.getDecoder().decode(base64);
  }

  private static String pem(String type, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }

  private static void writeOwnerOnly(Path file, String content) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
