package org.tifli.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.json.JsonValue;
import jakarta.servlet.annotation.WebServlet;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.tifli.publicpage.CapFeedServlet;

/**
 * The paths of the OpenAPI document, read from the JAX-RS resources of the API.
 *
 * <p>Payara 6's own annotation scanner cannot read this API: it takes the constraint annotations of
 * a record's components, which Java copies onto the record's constructor, for those of a JAX-RS
 * parameter, and fails on every request shape. So Payara scans only {@link TifliApi} (its title,
 * security scheme and problem answers, see {@code META-INF/microprofile-config.properties}), and
 * this reader describes each resource method from the same annotations Payara would read: the HTTP
 * method and {@code @Path}; who may call it, from {@code @RolesAllowed} or {@code @PermitAll} (the
 * description starts with the roles, and {@code x-roles} lists them); {@code @Operation},
 * {@code @APIResponse} and the class's {@code @Tag}; and the JSON shapes, from the records'
 * components and their Bean Validation constraints. A protected operation may answer 401 and 403,
 * one with a body or a query 400, one on a path with an identifier 404: those problem answers are
 * added to each. An answer that is not JSON (an image, a CAP message) takes its media types from
 * {@code @Produces}, and a body that is not JSON (a multipart upload, read part by part) is
 * described by the {@code @RequestBody} annotation of its parameter.
 *
 * <p>The Atom feed of CAP messages is a servlet beside the API, not a JAX-RS resource; it is
 * described here too, at the path its {@code @WebServlet} names, so that the document lists every
 * path of the contract.
 *
 * <p>Payara 7's scanner reads records properly; on it, this reader and the scan setting can go.
 */
public class ApiDescription implements OASModelReader {

  /** Every resource of the API; {@code ApiDescriptionTest} checks that none is missing. */
  static final List<Class<?>> RESOURCES =
      List.of(
          TokenResource.class,
          AreaResource.class,
          ChannelResource.class,
          CaseResource.class,
          CasePhotoResource.class,
          AlertResource.class,
          SightingResource.class,
          AccountResource.class,
          TemplateResource.class);

  private static final String BASE = "/api/v1";
  private static final Map<Class<? extends Annotation>, PathItem.HttpMethod> HTTP_METHODS =
      Map.of(
          GET.class, PathItem.HttpMethod.GET,
          POST.class, PathItem.HttpMethod.POST,
          PUT.class, PathItem.HttpMethod.PUT,
          DELETE.class, PathItem.HttpMethod.DELETE);

  private final Map<String, Schema> schemas = new HashMap<>();

  @Override
  public OpenAPI buildModel() {
    OpenAPI api = OASFactory.createOpenAPI().paths(OASFactory.createPaths());
    // The body of every problem answer; TifliApi's responses refer to it by name.
    schemaOf(Problem.class, Map.of());
    for (Class<?> resource : RESOURCES) {
      Stream.of(resource.getMethods())
          .filter(method -> httpMethod(method).isPresent())
          .sorted(Comparator.comparing(Method::getName))
          .forEach(method -> describe(api, resource, method));
    }
    describeCapFeed(api);
    api.components(OASFactory.createComponents().schemas(schemas));
    return api;
  }

  /** The Atom feed of current CAP messages, served by {@link CapFeedServlet} to anyone. */
  private static void describeCapFeed(OpenAPI api) {
    String path = CapFeedServlet.class.getAnnotation(WebServlet.class).value()[0];
    var feed =
        OASFactory.createAPIResponse()
            .description("An Atom 1.0 feed, one entry per alert linking to its CAP message")
            .content(
                OASFactory.createContent()
                    .addMediaType(
                        CapFeedServlet.ATOM_MEDIA_TYPE,
                        OASFactory.createMediaType()
                            .schema(OASFactory.createSchema().type(SchemaType.STRING))));
    var operation =
        OASFactory.createOperation()
            .operationId("CapFeedServlet.feed")
            .summary("The Atom feed of current CAP messages")
            .description(
                "Anyone. For alert aggregators: the alerts active now or ended in the last two"
                    + " days, each linking to its latest CAP 1.2 message.")
            .addTag("cap")
            .addExtension("x-roles", List.of())
            .responses(OASFactory.createAPIResponses().addAPIResponse("200", feed));
    api.getPaths().addPathItem(path, OASFactory.createPathItem().GET(operation));
  }

  /** Who may call the method: its roles, or none for anyone. */
  static List<String> roles(Class<?> resource, Method method) {
    if (method.isAnnotationPresent(PermitAll.class)) {
      return List.of();
    }
    RolesAllowed allowed =
        Optional.ofNullable(method.getAnnotation(RolesAllowed.class))
            .orElse(resource.getAnnotation(RolesAllowed.class));
    return allowed == null ? List.of() : List.of(allowed.value());
  }

  /** The path of the method from the server's root of the application, as in the document. */
  static String path(Class<?> resource, Method method) {
    String path = BASE + "/" + resource.getAnnotation(Path.class).value();
    if (method.isAnnotationPresent(Path.class)) {
      path += "/" + method.getAnnotation(Path.class).value();
    }
    return path.replaceAll("/+", "/").replaceAll("/$", "");
  }

  static Optional<PathItem.HttpMethod> httpMethod(Method method) {
    return HTTP_METHODS.entrySet().stream()
        .filter(entry -> method.isAnnotationPresent(entry.getKey()))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  private void describe(OpenAPI api, Class<?> resource, Method method) {
    String path = path(resource, method);
    List<String> roles = roles(resource, method);
    Optional<Operation> documented = Optional.ofNullable(method.getAnnotation(Operation.class));
    String who = roles.isEmpty() ? "Anyone." : "Roles: " + String.join(", ", roles) + ".";
    String description = documented.map(Operation::description).orElse("");

    var operation =
        OASFactory.createOperation()
            .operationId(resource.getSimpleName() + "." + method.getName())
            .summary(documented.map(Operation::summary).filter(s -> !s.isEmpty()).orElse(null))
            .description(description.isEmpty() ? who : who + " " + description)
            .addExtension("x-roles", roles)
            .responses(OASFactory.createAPIResponses());
    Optional.ofNullable(resource.getAnnotation(Tag.class))
        .ifPresent(t -> operation.addTag(t.name()));
    if (!roles.isEmpty()) {
      operation.addSecurityRequirement(
          OASFactory.createSecurityRequirement().addScheme(TifliApi.BEARER));
    }

    boolean hasBody = false;
    boolean hasQuery = false;
    for (Parameter parameter : method.getParameters()) {
      if (parameter.isAnnotationPresent(PathParam.class)) {
        operation.addParameter(
            OASFactory.createParameter()
                .name(parameter.getAnnotation(PathParam.class).value())
                .in(org.eclipse.microprofile.openapi.models.parameters.Parameter.In.PATH)
                .required(true)
                .schema(schemaOf(parameter.getParameterizedType(), Map.of())));
      } else if (parameter.isAnnotationPresent(QueryParam.class)) {
        hasQuery = true;
        Schema schema = schemaOf(parameter.getParameterizedType(), Map.of());
        limit(schema, parameter::getAnnotation);
        Optional.ofNullable(parameter.getAnnotation(DefaultValue.class))
            .ifPresent(
                d ->
                    schema.defaultValue(
                        schema.getType() == SchemaType.INTEGER
                            ? Long.valueOf(d.value())
                            : d.value()));
        operation.addParameter(
            OASFactory.createParameter()
                .name(parameter.getAnnotation(QueryParam.class).value())
                .in(org.eclipse.microprofile.openapi.models.parameters.Parameter.In.QUERY)
                .schema(schema));
      } else if (!parameter.isAnnotationPresent(Context.class)) {
        hasBody = true;
        operation.requestBody(requestBody(parameter));
      }
    }

    APIResponses responses = operation.getResponses();
    for (APIResponse response : method.getAnnotationsByType(APIResponse.class)) {
      responses.addAPIResponse(response.responseCode(), response(response, method));
    }
    if (Stream.of(method.getAnnotationsByType(APIResponse.class))
        .noneMatch(r -> r.responseCode().startsWith("2"))) {
      responses.addAPIResponse("200", success(method));
    }
    addProblem(responses, hasBody || hasQuery, "400", TifliApi.BAD_REQUEST);
    addProblem(responses, !roles.isEmpty(), "401", TifliApi.UNAUTHORIZED);
    addProblem(responses, !roles.isEmpty(), "403", TifliApi.FORBIDDEN);
    addProblem(responses, path.contains("{"), "404", TifliApi.NOT_FOUND);

    PathItem item =
        Optional.ofNullable(api.getPaths().getPathItem(path)).orElseGet(OASFactory::createPathItem);
    item.setOperation(httpMethod(method).orElseThrow(), operation);
    api.getPaths().addPathItem(path, item);
  }

  /**
   * A body: JSON of the parameter's type, or what its {@code @RequestBody} says (the media type,
   * and a record whose components name the parts of a multipart body).
   */
  private org.eclipse.microprofile.openapi.models.parameters.RequestBody requestBody(
      Parameter parameter) {
    var body =
        OASFactory.createRequestBody().required(parameter.isAnnotationPresent(NotNull.class));
    RequestBody documented = parameter.getAnnotation(RequestBody.class);
    if (documented == null || documented.content().length == 0) {
      return body.content(json(schemaOf(parameter.getParameterizedType(), Map.of())));
    }
    var content = OASFactory.createContent();
    for (Content part : documented.content()) {
      content.addMediaType(
          part.mediaType(),
          OASFactory.createMediaType().schema(schemaOf(part.schema().implementation(), Map.of())));
    }
    return body.required(documented.required()).content(content);
  }

  private org.eclipse.microprofile.openapi.models.responses.APIResponse response(
      APIResponse annotation, Method method) {
    if (!annotation.ref().isEmpty()) {
      return OASFactory.createAPIResponse().ref(annotation.ref());
    }
    var response = OASFactory.createAPIResponse().description(annotation.description());
    if (annotation.content().length > 0
        && annotation.content()[0].schema().implementation() != Void.class) {
      response.content(json(schemaOf(annotation.content()[0].schema().implementation(), Map.of())));
    } else if (annotation.responseCode().startsWith("2")) {
      success(response, method);
    }
    return response;
  }

  private org.eclipse.microprofile.openapi.models.responses.APIResponse success(Method method) {
    return success(OASFactory.createAPIResponse().description("OK"), method);
  }

  /**
   * The content of a success: the JSON of what the method returns, or, for a method that builds its
   * own response, each media type other than JSON it produces (an image, a CAP message) as text or
   * bytes.
   */
  private org.eclipse.microprofile.openapi.models.responses.APIResponse success(
      org.eclipse.microprofile.openapi.models.responses.APIResponse response, Method method) {
    if (returnsEntity(method)) {
      return response.content(json(schemaOf(method.getGenericReturnType(), Map.of())));
    }
    List<String> produced =
        Stream.of(produces(method))
            .filter(type -> !type.equals(MediaType.APPLICATION_JSON))
            .toList();
    if (produced.isEmpty()) {
      return response;
    }
    var content = OASFactory.createContent();
    for (String type : produced) {
      Schema schema = OASFactory.createSchema().type(SchemaType.STRING);
      content.addMediaType(
          type,
          OASFactory.createMediaType()
              .schema(type.startsWith("image/") ? schema.format("binary") : schema));
    }
    return response.content(content);
  }

  private static String[] produces(Method method) {
    Produces produces =
        Optional.ofNullable(method.getAnnotation(Produces.class))
            .orElse(method.getDeclaringClass().getAnnotation(Produces.class));
    return produces == null ? new String[0] : produces.value();
  }

  private static boolean returnsEntity(Method method) {
    return method.getReturnType() != void.class
        && method.getReturnType() != jakarta.ws.rs.core.Response.class;
  }

  private static void addProblem(APIResponses responses, boolean applies, String code, String ref) {
    if (applies && !responses.hasAPIResponse(code)) {
      responses.addAPIResponse(code, OASFactory.createAPIResponse().ref(ref));
    }
  }

  private static org.eclipse.microprofile.openapi.models.media.Content json(Schema schema) {
    return OASFactory.createContent()
        .addMediaType(MediaType.APPLICATION_JSON, OASFactory.createMediaType().schema(schema));
  }

  /** The schema of a Java type; records become named component schemas, referred to. */
  private Schema schemaOf(Type type, Map<TypeVariable<?>, Type> bindings) {
    if (type instanceof TypeVariable<?> variable && bindings.containsKey(variable)) {
      return schemaOf(bindings.get(variable), bindings);
    }
    if (type instanceof ParameterizedType generic) {
      Class<?> raw = (Class<?>) generic.getRawType();
      if (Collection.class.isAssignableFrom(raw)) {
        return array(schemaOf(generic.getActualTypeArguments()[0], bindings));
      }
      if (raw.isRecord()) {
        Map<TypeVariable<?>, Type> own = new HashMap<>();
        TypeVariable<?>[] variables = raw.getTypeParameters();
        for (int i = 0; i < variables.length; i++) {
          Type argument = generic.getActualTypeArguments()[i];
          own.put(variables[i], argument instanceof TypeVariable<?> v ? bindings.get(v) : argument);
        }
        String name =
            raw.getSimpleName()
                + Stream.of(generic.getActualTypeArguments())
                    .map(a -> a instanceof Class<?> c ? c.getSimpleName() : "")
                    .reduce("Of", String::concat);
        return component(raw, name, own);
      }
      return schemaOf(raw, bindings);
    }
    if (!(type instanceof Class<?> cls)) {
      return OASFactory.createSchema();
    }
    if (cls == String.class) {
      return OASFactory.createSchema().type(SchemaType.STRING);
    }
    if (cls == byte[].class) {
      return OASFactory.createSchema().type(SchemaType.STRING).format("binary");
    }
    if (cls == boolean.class || cls == Boolean.class) {
      return OASFactory.createSchema().type(SchemaType.BOOLEAN);
    }
    if (cls == int.class || cls == Integer.class || cls == long.class || cls == Long.class) {
      return OASFactory.createSchema()
          .type(SchemaType.INTEGER)
          .format(cls == int.class || cls == Integer.class ? "int32" : "int64");
    }
    if (cls == double.class || cls == Double.class || cls == float.class || cls == Float.class) {
      return OASFactory.createSchema().type(SchemaType.NUMBER);
    }
    if (cls == Instant.class) {
      return OASFactory.createSchema().type(SchemaType.STRING).format("date-time");
    }
    if (cls == LocalDate.class) {
      return OASFactory.createSchema().type(SchemaType.STRING).format("date");
    }
    if (cls.isEnum()) {
      Schema schema = OASFactory.createSchema().type(SchemaType.STRING);
      Stream.of(cls.getEnumConstants()).forEach(c -> schema.addEnumeration(c.toString()));
      return schema;
    }
    if (cls.isRecord()) {
      return component(cls, cls.getSimpleName(), bindings);
    }
    if (JsonValue.class.isAssignableFrom(cls) || Map.class.isAssignableFrom(cls)) {
      return OASFactory.createSchema().type(SchemaType.OBJECT);
    }
    return OASFactory.createSchema();
  }

  private Schema component(Class<?> record, String name, Map<TypeVariable<?>, Type> bindings) {
    if (!schemas.containsKey(name)) {
      Schema schema = OASFactory.createSchema().type(SchemaType.OBJECT);
      schemas.put(name, schema);
      for (RecordComponent component : record.getRecordComponents()) {
        Schema property = schemaOf(component.getGenericType(), bindings);
        AnnotatedElement field = field(record, component);
        constrain(property, field, component.getAnnotatedType());
        if (Stream.of(NotNull.class, NotBlank.class, NotEmpty.class)
            .anyMatch(field::isAnnotationPresent)) {
          schema.addRequired(component.getName());
        }
        schema.addProperty(component.getName(), property);
      }
    }
    return OASFactory.createSchema().ref(name);
  }

  /** The field behind a record component: where Java keeps its constraint annotations. */
  private static AnnotatedElement field(Class<?> record, RecordComponent component) {
    try {
      return record.getDeclaredField(component.getName());
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("a record without its component's field", e);
    }
  }

  /** Bean Validation constraints as schema limits; a list's element constraints on its items. */
  private static void constrain(Schema schema, AnnotatedElement element, AnnotatedType type) {
    limit(schema, element::getAnnotation);
    if (schema.getType() == SchemaType.ARRAY
        && schema.getItems() != null
        && schema.getItems().getRef() == null
        && type instanceof AnnotatedParameterizedType generic) {
      AnnotatedType item = generic.getAnnotatedActualTypeArguments()[0];
      limit(schema.getItems(), item::getAnnotation);
    }
  }

  private interface Annotations {
    <A extends Annotation> A get(Class<A> kind);
  }

  private static void limit(Schema schema, Annotations annotations) {
    boolean text = schema.getType() == SchemaType.STRING;
    Size size = annotations.get(Size.class);
    if (size != null) {
      Integer min = size.min() > 0 ? size.min() : null;
      Integer max = size.max() < Integer.MAX_VALUE ? size.max() : null;
      if (text) {
        schema.minLength(min).maxLength(max);
      } else {
        schema.minItems(min).maxItems(max);
      }
    }
    if (annotations.get(NotBlank.class) != null || annotations.get(NotEmpty.class) != null) {
      if (text) {
        schema.minLength(Math.max(1, Optional.ofNullable(schema.getMinLength()).orElse(1)));
      } else if (schema.getType() == SchemaType.ARRAY) {
        schema.minItems(Math.max(1, Optional.ofNullable(schema.getMinItems()).orElse(1)));
      }
    }
    Optional.ofNullable(annotations.get(Pattern.class)).ifPresent(p -> schema.pattern(p.regexp()));
    Optional.ofNullable(annotations.get(Min.class))
        .ifPresent(m -> schema.minimum(BigDecimal.valueOf(m.value())));
    Optional.ofNullable(annotations.get(Max.class))
        .ifPresent(m -> schema.maximum(BigDecimal.valueOf(m.value())));
    Optional.ofNullable(annotations.get(DecimalMin.class))
        .ifPresent(m -> schema.minimum(new BigDecimal(m.value())));
    Optional.ofNullable(annotations.get(DecimalMax.class))
        .ifPresent(m -> schema.maximum(new BigDecimal(m.value())));
  }

  private static Schema array(Schema items) {
    return OASFactory.createSchema().type(SchemaType.ARRAY).items(items);
  }
}
