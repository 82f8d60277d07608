package org.tifli.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tifli.api.CaseJson.CaseRequest;

/**
 * How the intake wizard turns what is typed into the API's request, and finds the input and the
 * step of each field a refusal names.
 */
class CaseIntakeWizardTest {

  @Test
  void aFieldOfTheRequestIsShownByTheInputNamedAfterIt() {
    CaseIntakeWizard wizard = new CaseIntakeWizard();

    assertThat(wizard.clientIdOf("child.givenName")).isEqualTo("intake:steps:child_givenName");
    assertThat(wizard.clientIdOf("lastSeen.latitude")).isEqualTo("intake:steps:lastSeen_latitude");
    assertThat(wizard.clientIdOf("lastSeen")).isEqualTo("intake:steps:lastSeen_latitude");
    assertThat(wizard.clientIdOf("hobbies[3]")).isEqualTo("intake:steps:hobbies");
    assertThat(wizard.clientIdOf("child.languages[0]")).isEqualTo("intake:steps:child_languages");
    assertThat(wizard.clientIdOf("photo")).isEqualTo("intake:steps:photoUpload");
    assertThat(wizard.clientIdOf("guardians")).as("a list too long: the page").isNull();
  }

  @Test
  void aRowOfTheRequestIsTheRowShownAtThatPlaceAmongThoseNotLeftEmpty() {
    CaseIntakeWizard wizard = new CaseIntakeWizard();
    IntakeForm form = wizard.getForm();
    form.addPlace();
    form.addPlace();
    form.addPlace();
    form.getLikelyPlaces().get(1).setDescription("the beach");
    form.getLikelyPlaces().get(2).setLatitude(33.6);
    form.addGuardian();
    form.getGuardians().get(1).setName("Fatima");

    assertThat(wizard.clientIdOf("likelyPlaces[0].description"))
        .isEqualTo("intake:steps:likelyPlaces:1:description");
    assertThat(wizard.clientIdOf("likelyPlaces[1]"))
        .isEqualTo("intake:steps:likelyPlaces:2:latitude");
    assertThat(wizard.clientIdOf("guardians[0].phone")).isEqualTo("intake:steps:guardians:1:phone");
    assertThat(wizard.clientIdOf("likelyPlaces[5].description")).isNull();
  }

  @Test
  void eachFieldBelongsToItsStep() {
    assertThat(CaseIntakeWizard.stepOf("child.givenName")).isZero();
    assertThat(CaseIntakeWizard.stepOf("child.medicalNeeds")).isEqualTo(4);
    assertThat(CaseIntakeWizard.stepOf("lastSeen")).isEqualTo(1);
    assertThat(CaseIntakeWizard.stepOf("vehicle.plate")).isEqualTo(2);
    assertThat(CaseIntakeWizard.stepOf("likelyPlaces[2].latitude")).isEqualTo(3);
    assertThat(CaseIntakeWizard.stepOf("hobbies[0]")).isEqualTo(3);
    assertThat(CaseIntakeWizard.stepOf("guardians[0].name")).isEqualTo(4);
    assertThat(CaseIntakeWizard.stepOf("photo")).isEqualTo(5);
  }

  @Test
  void whatIsTypedBecomesTheApiRequestWithEmptyTextAndRowsLeftOut() {
    IntakeForm form = new IntakeForm();
    form.setGivenName("Amina");
    form.setFamilyName("  ");
    form.setHobbies("drawing\n\n  football  \n");
    form.setLastSeenAt(LocalDateTime.of(2026, 12, 3, 9, 30));
    form.setVehiclePlate("");
    form.addPlace();
    form.addPlace();
    form.getLikelyPlaces().get(1).setDescription("the market");
    form.getGuardians().get(0).setPhone("+212 600 000 000");

    CaseRequest request = form.toRequest(ZoneId.of("Africa/Casablanca"));

    assertThat(request.child().givenName()).isEqualTo("Amina");
    assertThat(request.child().familyName()).isNull();
    assertThat(request.child().languages()).isNull();
    assertThat(request.hobbies()).containsExactly("drawing", "football");
    assertThat(request.lastSeen().at())
        .isEqualTo(LocalDateTime.of(2026, 12, 3, 8, 30).toInstant(ZoneOffset.UTC));
    assertThat(request.vehicle()).isNull();
    assertThat(request.likelyPlaces()).hasSize(1);
    assertThat(request.likelyPlaces().get(0).description()).isEqualTo("the market");
    assertThat(request.guardians()).hasSize(1);
    assertThat(request.guardians().get(0).name()).isNull();
    assertThat(request.guardians().get(0).phone()).isEqualTo("+212 600 000 000");
    assertThat(List.of(request.suspectedAbduction())).containsExactly(false);
  }
}
