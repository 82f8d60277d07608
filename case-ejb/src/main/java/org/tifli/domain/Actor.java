package org.tifli.domain;

import java.util.Objects;

/**
 * Who did something, and from where: a signed-in user or service account with the address its
 * request came from, a member of the public who signed in nowhere (a sighting from the alert's
 * page), or a part of Tifli itself acting on its own (the widening timer, the publisher).
 *
 * @param name the username, {@value #PUBLIC_NAME} for the public, or for the system the name of the
 *     part that acted
 * @param kind a user (people and service accounts), the public, or the system
 * @param origin the client address of the request, or where in Tifli the action started
 */
public record Actor(String name, Kind kind, String origin) {

  public static final int NAME_LENGTH = 64;
  public static final int ORIGIN_LENGTH = 100;
  public static final String PUBLIC_NAME = "public";

  public enum Kind {
    USER,
    PUBLIC,
    SYSTEM
  }

  public Actor {
    Objects.requireNonNull(name);
    Objects.requireNonNull(kind);
    origin = origin == null ? "unknown" : truncate(origin, ORIGIN_LENGTH);
  }

  public static Actor user(String username, String clientAddress) {
    return new Actor(username, Kind.USER, clientAddress);
  }

  /** Someone of the public, known only by the address their request came from. */
  public static Actor thePublic(String clientAddress) {
    return new Actor(PUBLIC_NAME, Kind.PUBLIC, clientAddress);
  }

  /** Tifli itself, for example {@code system("widening-timer")}. */
  public static Actor system(String component) {
    return new Actor(component, Kind.SYSTEM, "tifli");
  }

  private static String truncate(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length);
  }
}
