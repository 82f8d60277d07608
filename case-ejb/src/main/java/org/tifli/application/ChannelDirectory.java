package org.tifli.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.tifli.domain.Actor;
import org.tifli.domain.AuditEntry.Subject;
import org.tifli.domain.Channel;
import org.tifli.domain.InvalidRequestException;
import org.tifli.domain.Platform;
import org.tifli.infrastructure.security.SecretCipher;

/** The channels that serve each area. Credentials are sealed before they are stored. */
@Stateless
public class ChannelDirectory {

  private static final Logger LOG = Logger.getLogger(ChannelDirectory.class.getName());

  @PersistenceContext private EntityManager em;

  @Inject AreaDirectory areas;

  @Inject SecretCipher cipher;

  @EJB AuditTrail audit;

  public Channel register(
      String areaCode,
      Platform platform,
      String accountId,
      String secret,
      List<String> languages,
      boolean exercise,
      Actor admin) {
    if (areas.find(areaCode).isEmpty()) {
      throw new InvalidRequestException("area", "no area has the code " + areaCode);
    }
    if (secret.getBytes(StandardCharsets.UTF_8).length > Channel.SECRET_BYTES) {
      throw new InvalidRequestException(
          "secret", "a credential is at most " + Channel.SECRET_BYTES + " bytes of UTF-8");
    }
    boolean taken =
        list(Optional.of(areaCode)).stream()
            .anyMatch(c -> c.platform() == platform && c.accountId().equals(accountId));
    if (taken) {
      throw new InvalidRequestException("accountId", "this account already serves the area");
    }

    Channel channel =
        new Channel(
            areaCode, platform, accountId, cipher.seal(secret), languages, exercise, Instant.now());
    em.persist(channel);
    em.flush();
    audit.record(
        admin,
        Subject.CHANNEL,
        channel.id(),
        null,
        "REGISTERED",
        Changes.of("area", areaCode)
            .set("platform", platform)
            .set("accountId", accountId)
            .secret("secret")
            .set("languages", String.join(",", languages))
            .set("exercise", exercise));

    LOG.info(() -> "Channel " + channel.id() + " (" + platform + ") serves " + areaCode);
    return channel;
  }

  public List<Channel> list(Optional<String> areaCode) {
    return areaCode
        .map(
            code ->
                em.createNamedQuery(Channel.IN_AREAS, Channel.class)
                    .setParameter("areas", List.of(code))
                    .getResultList())
        .orElseGet(() -> em.createNamedQuery(Channel.ALL, Channel.class).getResultList());
  }
}
