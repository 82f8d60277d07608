package org.tifli;

import static java.util.Comparator.comparing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tifli.application.AlertWorkflow;
import org.tifli.application.AuditTrail;
import org.tifli.application.CaseIntake;
import org.tifli.application.ChannelDirectory;
import org.tifli.application.DeliveryPublication;
import org.tifli.domain.ActivationCriteria;
import org.tifli.domain.Actor;
import org.tifli.domain.Alert;
import org.tifli.domain.AlertStatus;
import org.tifli.domain.AuditEntry;
import org.tifli.domain.AuditEntry.Subject;
import org.tifli.domain.CaseDetails;
import org.tifli.domain.CaseStatus;
import org.tifli.domain.Channel;
import org.tifli.domain.Child;
import org.tifli.domain.Delivery;
import org.tifli.domain.DeliveryStatus;
import org.tifli.domain.ForbiddenActionException;
import org.tifli.domain.InvalidRequestException;
import org.tifli.domain.LastSeen;
import org.tifli.domain.MissingChildCase;
import org.tifli.domain.Platform;
import org.tifli.domain.Sex;
import org.tifli.infrastructure.platform.AlertPost;
import org.tifli.infrastructure.platform.ChannelAccount;
import org.tifli.infrastructure.platform.PlatformException;
import org.tifli.infrastructure.platform.Publishers;
import org.tifli.testing.FakeGraphApi;
import org.tifli.testing.FakeGraphApi.ReceivedPost;

/**
 * The module on a real server: its EJBs in Payara Micro, JPA on the embedded H2 migrated by Flyway,
 * deliveries over JMS through the ActiveMQ adapter to the message-driven bean, and Facebook played
 * by a {@link FakeGraphApi} (see {@link FakeGraphApiConfigSource}).
 *
 * <p>All of the module's server-side tests are here, in one deployment, because each deployment
 * costs a Micro start. They share one database, so each test works in an area no other test uses
 * (its channels would otherwise receive another test's deliveries) and identifies its pages by a
 * fresh id; no test depends on another having run.
 */
@ExtendWith(ArquillianExtension.class)
class ServerSideIT {

  private static final double[] CASABLANCA = {33.5731, -7.5898}; // MA-CAS, region MA-06
  private static final double[] MARRAKECH = {31.6295, -7.9811}; // MA-MAR, region MA-07
  private static final double[] OUJDA = {34.6814, -1.9086}; // MA-OUJ, region MA-02
  private static final double[] RABAT = {34.0209, -6.8416}; // MA-RAB, region MA-04

  /** Long enough for a cold MDB pool on a busy two-core machine. */
  private static final Duration SETTLING = Duration.ofSeconds(60);

  @Deployment
  static WebArchive deployment() {
    JavaArchive module =
        ShrinkWrap.create(ExplodedImporter.class, "case-ejb.jar")
            .importDirectory(buildPath("tifli.it.classes"))
            .as(JavaArchive.class);
    File[] libraries = buildPath("tifli.it.lib").listFiles((dir, name) -> name.endsWith(".jar"));
    return ShrinkWrap.create(WebArchive.class, "tifli-it.war")
        .addAsLibrary(module)
        .addAsLibraries(libraries)
        .addClasses(ServerSideIT.class, FakeGraphApiConfigSource.class, FakeGraphApi.class)
        .addAsServiceProvider(ConfigSource.class, FakeGraphApiConfigSource.class);
  }

  private static File buildPath(String property) {
    String path = System.getProperty(property);
    if (path == null) {
      throw new IllegalStateException(property + " is not set: run the test with Maven (verify)");
    }
    return Path.of(path).toFile();
  }

  @EJB CaseIntake cases;

  @EJB AlertWorkflow workflow;

  @EJB ChannelDirectory channels;

  @EJB DeliveryPublication publication;

  @EJB AuditTrail audit;

  @Inject Publishers publishers;

  @Resource(lookup = "jdbc/tifli")
  DataSource database;

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void openedCasesGetTheNextReferenceOfTheYearAndTheirProvinceAndRegion() {
    MissingChildCase first = cases.open(childLastSeenAt(CASABLANCA), user("officer-a"));
    MissingChildCase second = cases.open(childLastSeenAt(CASABLANCA), user("officer-a"));

    int year = first.createdAt().atZone(ZoneOffset.UTC).getYear();
    assertThat(first.reference()).matches("MC-" + year + "-\\d{6}");
    assertThat(sequenceNumber(second)).isEqualTo(sequenceNumber(first) + 1);

    MissingChildCase stored = cases.get(first.id());
    assertThat(stored.reference()).isEqualTo(first.reference());
    assertThat(stored.status()).isEqualTo(CaseStatus.OPEN);
    assertThat(stored.createdBy()).isEqualTo("officer-a");
    assertThat(stored.child().givenName()).isEqualTo("Yasmine");
    assertThat(stored.lastSeen().latitude()).isEqualTo(CASABLANCA[0]);
    assertThat(stored.provinceCode()).isEqualTo("MA-CAS");
    assertThat(stored.regionCode()).isEqualTo("MA-06");
    assertThat(stored.areaCodes()).containsExactly("MA-CAS", "MA-06");
  }

  @Test
  void coordinatesOutOfRangeAreRefusedWithoutOpeningACase() {
    long before = cases.count(Optional.empty(), Optional.empty());

    InvalidRequestException latitude =
        assertThrows(
            InvalidRequestException.class,
            () -> cases.open(childLastSeenAt(new double[] {91, -7.5}), user("officer-a")));
    InvalidRequestException longitude =
        assertThrows(
            InvalidRequestException.class,
            () -> cases.open(childLastSeenAt(new double[] {33.5, -181}), user("officer-a")));

    assertThat(latitude.field()).isEqualTo("lastSeen");
    assertThat(latitude).hasMessageContaining("latitude");
    assertThat(longitude.field()).isEqualTo("lastSeen");
    assertThat(cases.count(Optional.empty(), Optional.empty())).isEqualTo(before);
  }

  @Test
  void anApprovedAlertIsPostedOnceToEachChannelOfTheCaseAreasAndRecordedAsSent() throws Exception {
    MissingChildCase missing = cases.open(childLastSeenAt(CASABLANCA), user("officer-b"));
    Channel province = facebookPage("MA-CAS", "casablanca-" + run);
    Channel region = facebookPage("MA-06", "casablanca-settat-" + run);
    Channel elsewhere = facebookPage("MA-FES", "fes-" + run);

    Alert requested =
        workflow.request(missing.id(), allCriteriaMet(), null, false, user("officer-b"));
    Alert approved = workflow.approve(requested.id(), user("supervisor-b"));

    assertThat(approved.status()).isEqualTo(AlertStatus.ACTIVE);
    List<Delivery> ledger = settledDeliveries(requested.id());
    assertThat(ledger).extracting(Delivery::areaCode).containsExactly("MA-06", "MA-CAS");
    assertThat(ledger).allSatisfy(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.SENT));
    assertThat(ledger).allSatisfy(d -> assertThat(d.attempts()).isEqualTo(1));
    assertThat(ledger).allSatisfy(d -> assertThat(d.sentAt()).isNotNull());
    assertThat(ledger.get(0).externalId()).startsWith(region.accountId() + "_");
    assertThat(ledger.get(1).externalId()).startsWith(province.accountId() + "_");

    ReceivedPost regionPost = onlyPostTo(region);
    ReceivedPost provincePost = onlyPostTo(province);
    assertThat(postsTo(elsewhere)).isEmpty();
    // The token reached the platform as registered: sealed in the database, opened to post.
    assertThat(provincePost.accessToken()).isEqualTo(tokenOf(province));
    assertThat(regionPost.accessToken()).isEqualTo(tokenOf(region));
    assertThat(provincePost.message())
        .contains("Yasmine Alaoui")
        .contains(missing.reference())
        .endsWith("[tifli-" + ledger.get(1).id() + "]");
    assertThat(regionPost.message()).endsWith("[tifli-" + ledger.get(0).id() + "]");
    assertThat(provincePost.link()).endsWith("/alerts/" + requested.id());
  }

  @Test
  void aDeliveryRefusedForABadPageTokenFailsWithGraphsErrorAndIsNotRetried() throws Exception {
    MissingChildCase missing = cases.open(childLastSeenAt(MARRAKECH), user("officer-c"));
    Channel page = facebookPage("MA-MAR", "marrakech-" + run);
    Alert alert = workflow.request(missing.id(), allCriteriaMet(), null, false, user("officer-c"));
    graph().failNext(400, 190, "Error validating access token: Session has expired");

    workflow.approve(alert.id(), user("supervisor-c"));

    Delivery failed = single(settledDeliveries(alert.id()));
    assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(failed.lastError()).contains("code 190").contains("Session has expired");
    assertThat(failed.lastError()).doesNotContain(tokenOf(page));
    assertThat(failed.externalId()).isNull();
    // Had the error been taken for a passing one, the broker would redeliver after a second and
    // the next call, no longer faulted, would post: give it that chance.
    Thread.sleep(3_000);
    Delivery later = single(workflow.deliveries(alert.id()));
    assertThat(later.status()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(later.attempts()).isEqualTo(1);
    assertThat(postsTo(page)).isEmpty();
  }

  @Test
  void publishingAnAlreadySentDeliveryAgainPostsNothingMore() throws Exception {
    MissingChildCase missing = cases.open(childLastSeenAt(OUJDA), user("officer-d"));
    Channel page = facebookPage("MA-OUJ", "oujda-" + run);
    Alert alert = workflow.request(missing.id(), allCriteriaMet(), null, false, user("officer-d"));
    workflow.approve(alert.id(), user("supervisor-d"));
    Delivery sent = single(settledDeliveries(alert.id()));
    assertThat(sent.status()).isEqualTo(DeliveryStatus.SENT);
    assertThat(postsTo(page)).hasSize(1);

    // What the consumer does when the broker delivers the same message a second time.
    publication.publish(sent.id());

    assertThat(postsTo(page)).hasSize(1);
    Delivery after = single(workflow.deliveries(alert.id()));
    assertThat(after.status()).isEqualTo(DeliveryStatus.SENT);
    assertThat(after.externalId()).isEqualTo(sent.externalId());
    assertThat(after.sentAt()).isEqualTo(sent.sentAt());
    assertThat(after.attempts()).isEqualTo(1);
  }

  @Test
  void theRequesterCannotApproveTheirOwnAlertWhichStaysPendingWithoutDeliveries() {
    MissingChildCase missing = cases.open(childLastSeenAt(RABAT), user("officer-e"));
    Channel page = facebookPage("MA-RAB", "rabat-" + run);
    Alert alert = workflow.request(missing.id(), allCriteriaMet(), null, false, user("sergeant-e"));

    assertThrows(
        ForbiddenActionException.class, () -> workflow.approve(alert.id(), user("sergeant-e")));

    Alert stored = workflow.get(alert.id());
    assertThat(stored.status()).isEqualTo(AlertStatus.PENDING_APPROVAL);
    assertThat(stored.decidedBy()).isNull();
    assertThat(stored.targetAreas()).isEmpty();
    assertThat(workflow.deliveries(alert.id())).isEmpty();
    assertThat(postsTo(page)).isEmpty();
    assertThat(audit.of(Subject.ALERT, alert.id()))
        .extracting(AuditEntry::action)
        .containsExactly("REQUESTED", "APPROVE_REFUSED");
    AuditEntry refusal = audit.of(Subject.ALERT, alert.id()).get(1);
    assertThat(refusal.actor()).isEqualTo(user("sergeant-e"));
    assertThat(refusal.caseId()).isEqualTo(missing.id());
    assertThat(refusal.changes()).contains("cannot decide their own alert");
  }

  @Test
  void theCaseTimelineRecordsWhoOpenedRequestedApprovedAndWidenedAndFromWhere() {
    MissingChildCase missing = cases.open(childLastSeenAt(RABAT), user("officer-f"));
    Alert alert =
        workflow.request(
            missing.id(),
            new ActivationCriteria(true, false, true, true),
            "seen with an adult",
            false,
            user("officer-f"));
    workflow.approve(alert.id(), Actor.user("supervisor-f", "10.1.2.3"));

    List<AuditEntry> timeline = audit.ofCase(missing.id());

    assertThat(timeline)
        .extracting(AuditEntry::action)
        .containsExactly("OPENED", "REQUESTED", "APPROVED", "STAGE_APPLIED");
    assertThat(timeline)
        .extracting(AuditEntry::subjectType)
        .containsExactly(Subject.CASE, Subject.ALERT, Subject.ALERT, Subject.ALERT);
    assertThat(timeline.get(3).changes()).contains("\"stage\":{\"to\":\"0\"}").contains("MA-RAB");
    assertThat(timeline.get(0).changes()).contains(missing.reference());
    assertThat(timeline.get(1).changes())
        .contains("danger=no")
        .contains("\"justification\":{\"to\":\"seen with an adult\"}");
    assertThat(timeline.get(2).actor()).isEqualTo(Actor.user("supervisor-f", "10.1.2.3"));
    assertThat(timeline.get(2).changes())
        .contains("\"status\":{\"from\":\"PENDING_APPROVAL\",\"to\":\"ACTIVE\"}");
    assertThat(timeline).isSortedAccordingTo(comparing(AuditEntry::occurredAt));
  }

  @Test
  void aCallThatOverrunsTheTimeLimitIsStoppedAndItsOutcomeIsUnknown() {
    // Set to 5 s for this server (case-ejb/pom.xml); each request alone may take 10 s.
    Duration limit = Duration.ofSeconds(5);
    ChannelAccount page = new ChannelAccount(Platform.FACEBOOK, "slow-" + run, "token-" + run);
    AlertPost post =
        new AlertPost(
            "ENFANT DISPARU", "https://tifli.example/alerts/1", "[tifli-slow-" + run + "]");
    graph().failNextSlowly(Duration.ofSeconds(9));
    Instant start = Instant.now();

    PlatformException e =
        assertThrows(PlatformException.class, () -> publishers.publish(page, post));

    assertThat(Duration.between(start, Instant.now())).isBetween(limit, Duration.ofSeconds(8));
    assertThat(e.retryLater()).isTrue();
    assertThat(e.outcomeUnknown()).isTrue();
    assertThat(e).hasMessage("FACEBOOK call took too long in all and was stopped");
    // Fault Tolerance stopped the call by interrupting this thread; the ledger needs it whole.
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @Test
  void theEmbeddedDatabaseRefusesToChangeOrRemoveAnAuditEntryWhoeverAsks() throws SQLException {
    MissingChildCase missing = cases.open(childLastSeenAt(OUJDA), user("officer-g"));
    String ofTheCase = " WHERE case_id = " + missing.id();

    try (Connection connection = database.getConnection();
        Statement sql = connection.createStatement()) {
      SQLException update =
          assertThrows(
              SQLException.class,
              () -> sql.executeUpdate("UPDATE audit_entry SET action = 'FORGED'" + ofTheCase));
      SQLException delete =
          assertThrows(
              SQLException.class, () -> sql.executeUpdate("DELETE FROM audit_entry" + ofTheCase));

      assertThat(update.getMessage()).contains("the audit trail can only be appended to");
      assertThat(delete.getMessage()).contains("the audit trail can only be appended to");
    }
    assertThat(audit.ofCase(missing.id())).extracting(AuditEntry::action).containsExactly("OPENED");
  }

  private static Actor user(String name) {
    return Actor.user(name, "127.0.0.1");
  }

  private static FakeGraphApi graph() {
    return FakeGraphApiConfigSource.graph();
  }

  private Channel facebookPage(String areaCode, String pageId) {
    return channels.register(
        areaCode,
        Platform.FACEBOOK,
        pageId,
        "token-" + pageId,
        List.of("fr"),
        false,
        user("admin"));
  }

  private static String tokenOf(Channel channel) {
    return "token-" + channel.accountId();
  }

  private static List<ReceivedPost> postsTo(Channel channel) {
    return graph().posts().stream().filter(p -> p.pageId().equals(channel.accountId())).toList();
  }

  private static ReceivedPost onlyPostTo(Channel channel) {
    List<ReceivedPost> posts = postsTo(channel);
    assertThat(posts).hasSize(1);
    return posts.get(0);
  }

  private static <T> T single(List<T> items) {
    assertThat(items).hasSize(1);
    return items.get(0);
  }

  /** The alert's ledger once no delivery is queued any more, that is once each was handled. */
  private List<Delivery> settledDeliveries(long alertId) throws InterruptedException {
    Instant deadline = Instant.now().plus(SETTLING);
    List<Delivery> ledger = workflow.deliveries(alertId);
    while (ledger.stream().anyMatch(Delivery::isQueued) && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
      ledger = workflow.deliveries(alertId);
    }
    assertThat(ledger).isNotEmpty().noneMatch(Delivery::isQueued);
    return ledger;
  }

  private static int sequenceNumber(MissingChildCase missing) {
    String reference = missing.reference();
    return Integer.parseInt(reference.substring(reference.lastIndexOf('-') + 1));
  }

  private static ActivationCriteria allCriteriaMet() {
    return new ActivationCriteria(true, true, true, true);
  }

  private static CaseDetails childLastSeenAt(double[] point) {
    return new CaseDetails(
        new Child(
            "Yasmine",
            "Alaoui",
            null,
            null,
            LocalDate.now(ZoneOffset.UTC).minusYears(8),
            Sex.FEMALE,
            null,
            List.of("ar"),
            null),
        new LastSeen(
            Instant.now().minus(Duration.ofHours(2)),
            point[0],
            point[1],
            "Place des Nations Unies",
            null),
        "Did not come home from school",
        false,
        null,
        null,
        List.of(),
        null,
        List.of(),
        null,
        List.of(),
        null);
  }
}
