package org.tifli.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the OpenAPI document is built from: every resource of the package, the contract's paths, and
 * who may call each operation. The document itself is checked on the running server.
 */
class ApiDescriptionTest {

  @Test
  void everyResourceOfThePackageIsDescribed() throws IOException, URISyntaxException {
    java.nio.file.Path folder =
        java.nio.file.Path.of(TifliApi.class.getResource("TifliApi.class").toURI()).getParent();
    List<Class<?>> resources;
    try (Stream<java.nio.file.Path> files = Files.list(folder)) {
      resources =
          files
              .map(f -> f.getFileName().toString())
              .filter(name -> name.endsWith(".class") && !name.contains("$"))
              .<Class<?>>map(name -> load("org.tifli.api." + name.replace(".class", "")))
              .filter(type -> type.isAnnotationPresent(Path.class))
              .toList();
    }

    assertThat(ApiDescription.RESOURCES).containsExactlyInAnyOrderElementsOf(resources);
  }

  @Test
  void theContractsOperationsAreAllThere() {
    List<String> operations =
        operations()
            .map(
                m ->
                    ApiDescription.httpMethod(m).orElseThrow()
                        + " "
                        + ApiDescription.path(m.getDeclaringClass(), m)
                            .replaceAll("\\{[^}]+}", "{id}"))
            .toList();

    // The API contract of PRODUCT.md; its last path, the CAP feed, is a servlet described apart.
    assertThat(operations)
        .contains(
            "POST /api/v1/tokens",
            "GET /api/v1/areas",
            "POST /api/v1/channels",
            "GET /api/v1/channels",
            "POST /api/v1/cases",
            "GET /api/v1/cases/{id}",
            "GET /api/v1/cases",
            "POST /api/v1/cases/{id}/photos",
            "POST /api/v1/cases/{id}/alerts",
            "POST /api/v1/alerts/{id}/approval",
            "POST /api/v1/alerts/{id}/widening",
            "GET /api/v1/alerts/{id}",
            "POST /api/v1/cases/{id}/resolution",
            "POST /api/v1/alerts/{id}/sightings",
            "GET /api/v1/alerts/{id}/cap");
    // Beyond the contract: channel upkeep and the post templates.
    assertThat(operations)
        .contains(
            "GET /api/v1/channels/{id}",
            "PUT /api/v1/channels/{id}",
            "POST /api/v1/channels/{id}/retirement",
            "GET /api/v1/channels/{id}/audit",
            "GET /api/v1/templates",
            "PUT /api/v1/templates/{id}/{id}",
            "POST /api/v1/templates/{id}/{id}/preview");
  }

  @Test
  void theRolesAreThoseTheServerEnforces() throws NoSuchMethodException {
    assertThat(roles(CaseResource.class, "open")).containsExactly("officer", "system");
    assertThat(roles(CasePhotoResource.class, "upload")).containsExactly("officer", "system");
    assertThat(roles(AlertResource.class, "decide")).containsExactly("supervisor");
    assertThat(roles(AlertResource.class, "report")).isEmpty();
    assertThat(roles(AccountResource.class, "list")).containsExactly("admin");
    assertThat(roles(ChannelResource.class, "revise")).containsExactly("admin");
    assertThat(roles(TemplateResource.class, "preview")).containsExactly("admin");
    assertThat(roles(TokenResource.class, "issue")).isEmpty();
  }

  @Test
  void everyListThatCanGrowIsAnsweredAPageAtATime() {
    // What the API answers as a whole list: the areas and the post templates (fixed catalogues) and
    // the channels (a JSON array in the contract, which must not change shape).
    List<String> whole =
        List.of("AreaResource.list", "TemplateResource.list", "ChannelResource.list");

    assertThat(
            operations()
                .filter(m -> Collection.class.isAssignableFrom(m.getReturnType()))
                .map(m -> m.getDeclaringClass().getSimpleName() + "." + m.getName()))
        .allMatch(whole::contains);
  }

  @Test
  void everyOperationSaysWhoMayCallIt() {
    // RoleCheck refuses a method that names nobody; the document would call it open to anyone.
    assertThat(
            operations()
                .filter(m -> !m.isAnnotationPresent(PermitAll.class))
                .filter(m -> ApiDescription.roles(m.getDeclaringClass(), m).isEmpty()))
        .isEmpty();
  }

  private static Stream<Method> operations() {
    return ApiDescription.RESOURCES.stream()
        .flatMap(r -> Stream.of(r.getMethods()))
        .filter(m -> ApiDescription.httpMethod(m).isPresent());
  }

  private static List<String> roles(Class<?> resource, String name) throws NoSuchMethodException {
    Method method =
        Stream.of(resource.getMethods())
            .filter(m -> m.getName().equals(name))
            .findFirst()
            .orElseThrow(NoSuchMethodException::new);
    return ApiDescription.roles(resource, method);
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
