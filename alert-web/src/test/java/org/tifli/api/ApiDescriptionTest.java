package org.tifli.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
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
  void theContractsPathsAreAllThere() {
    List<String> paths =
        operations().map(m -> ApiDescription.path(m.getDeclaringClass(), m)).toList();

    assertThat(paths)
        .contains(
            "/api/v1/tokens",
            "/api/v1/areas",
            "/api/v1/channels",
            "/api/v1/channels/{id}",
            "/api/v1/channels/{id}/retirement",
            "/api/v1/channels/{id}/audit",
            "/api/v1/templates",
            "/api/v1/templates/{language}/{kind}",
            "/api/v1/templates/{language}/{kind}/preview",
            "/api/v1/templates/{language}/{kind}/audit",
            "/api/v1/cases",
            "/api/v1/cases/{id}",
            "/api/v1/cases/{id}/alerts",
            "/api/v1/cases/{id}/resolution",
            "/api/v1/alerts/{id}",
            "/api/v1/alerts/{id}/approval",
            "/api/v1/alerts/{id}/widening",
            "/api/v1/accounts",
            "/api/v1/accounts/{username}/disabling");
  }

  @Test
  void theRolesAreThoseTheServerEnforces() throws NoSuchMethodException {
    assertThat(roles(CaseResource.class, "open")).containsExactly("officer", "system");
    assertThat(roles(AlertResource.class, "decide")).containsExactly("supervisor");
    assertThat(roles(AccountResource.class, "list")).containsExactly("admin");
    assertThat(roles(ChannelResource.class, "revise")).containsExactly("admin");
    assertThat(roles(TemplateResource.class, "preview")).containsExactly("admin");
    assertThat(roles(TokenResource.class, "issue")).isEmpty();
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
