package org.tifli.application;

import java.time.Instant;
import java.time.LocalDate;
import org.tifli.domain.Sex;

/** What an officer or a police system records to open a case. Checked by the caller's layer. */
public record NewCase(
    String givenName,
    String familyName,
    String givenNameAr,
    String familyNameAr,
    LocalDate dateOfBirth,
    Sex sex,
    Instant lastSeenAt,
    double latitude,
    double longitude,
    String place,
    String circumstances) {}
