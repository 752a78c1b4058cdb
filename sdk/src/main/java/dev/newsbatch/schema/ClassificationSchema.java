package dev.newsbatch.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsbatch.InputProblem;
import dev.newsbatch.InvalidInputException;
import dev.newsbatch.internal.Checks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shape of one classification: a Java record, the Gemini {@code responseSchema} built from it,
 * a validator for the model's answers and the mapping from JSON to the record.
 *
 * <p>Supported component types: {@code String}, {@code int/long/Integer/Long}, {@code double/float},
 * {@code boolean}, enums, {@code List<X>} of those, and nested records. {@link Field} adds a
 * description, allowed values, a range or marks a component optional. JSON names come from
 * {@code @JsonProperty} when present, else the component name.
 *
 * <pre>{@code
 * record Topic(@Field(values = {"politics", "sports", "business"}) String topic, int relevance) {}
 * ClassificationSchema<Topic> s = ClassificationSchema.of(Topic.class);
 * s.responseSchema();   // {"type":"OBJECT","properties":{...},"required":["topic","relevance"],...}
 * }</pre>
 *
 * <p>A schema can also be given as JSON ({@link #fromJson(Path)}), in the subset of OpenAPI that Gemini's
 * {@code responseSchema} takes; its rows are {@link Answer}s holding the validated JSON object.
 *
 * @param <T> the record type answers are mapped to
 */
public final class ClassificationSchema<T extends Record> {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Map<Class<?>, ClassificationSchema<?>> CACHE = new ConcurrentHashMap<>();
    /** Schemas given as JSON, by their compact JSON: one instance per distinct schema. */
    private static final Map<String, ClassificationSchema<Answer>> JSON_CACHE = new ConcurrentHashMap<>();

    private final Class<T> type;
    private final ObjectNode schema;
    private final CheckNode check;
    private final List<String> columns;
    /** The schema's JSON when it was given as JSON, else null. */
    private final String json;

    private ClassificationSchema(Class<T> type) {
        this.type = type;
        this.schema = objectSchema(type, type.getSimpleName());
        this.check = CheckNode.of(schema);
        List<String> names = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            names.add(jsonName(c));
        }
        this.columns = List.copyOf(names);
        this.json = null;
    }

    @SuppressWarnings("unchecked")
    private ClassificationSchema(ObjectNode schema) {
        this.type = (Class<T>) Answer.class;
        this.schema = schema;
        this.check = CheckNode.of(schema);
        List<String> names = new ArrayList<>();
        schema.path("propertyOrdering").forEach(n -> names.add(n.asText()));
        this.columns = List.copyOf(names);
        this.json = schema.toString();
    }

    /** The schema of the news classification, the default of every run. */
    public static ClassificationSchema<NewsClassification> news() {
        return of(NewsClassification.class);
    }

    /**
     * The schema of a record type.
     *
     * @throws IllegalArgumentException if {@code type} is not a record or has an unsupported component
     */
    @SuppressWarnings("unchecked")
    public static <R extends Record> ClassificationSchema<R> of(Class<R> type) {
        Checks.notNull(type, "type");
        if (!type.isRecord()) {
            throw new IllegalArgumentException("type must be a record class, was " + type.getName());
        }
        if (type == Answer.class) {
            throw new IllegalArgumentException("type Answer is the row of a schema given as JSON; "
                    + "use ClassificationSchema.fromJson");
        }
        return (ClassificationSchema<R>) CACHE.computeIfAbsent(type, t -> new ClassificationSchema<>(type));
    }

    /**
     * The schema in a JSON file: an object schema in the subset of OpenAPI that Gemini's
     * {@code responseSchema} takes ({@code type} object, string, integer, number, boolean or array;
     * {@code properties}, {@code required}, {@code enum} on strings, {@code items}, {@code description},
     * {@code nullable}, {@code propertyOrdering}, {@code minimum}/{@code maximum}, {@code minItems}/{@code maxItems}).
     * Types may be written in either case. The columns are the top-level properties, in
     * {@code propertyOrdering} or else the file's order.
     *
     * <pre>{@code
     * ClassificationSchema<Answer> s = ClassificationSchema.fromJson(Path.of("samples/topic_schema.json"));
     * s.columns();   // [topic, relevance, keywords]
     * }</pre>
     *
     * @throws InvalidInputException naming the file, and the JSON path of each bad field with what was expected
     * @throws UncheckedIOException if the file cannot be read
     */
    public static ClassificationSchema<Answer> fromJson(Path file) {
        Checks.notNull(file, "file");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InvalidInputException(List.of(new InputProblem(file, -1, -1, null, "does not exist")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the schema " + file + ": " + e.getMessage(), e);
        }
        return fromJson(text, file);
    }

    /**
     * The schema in {@code json}, as {@link #fromJson(Path)} reads a file; messages name it {@code schema}.
     *
     * @throws InvalidInputException naming the JSON path of each bad field and what was expected
     */
    public static ClassificationSchema<Answer> fromJson(String json) {
        Checks.notNull(json, "json");
        return fromJson(json, Path.of("schema"));
    }

    private static ClassificationSchema<Answer> fromJson(String text, Path name) {
        ClassificationSchema<Answer> known = JSON_CACHE.get(text);   // a schema read back as recorded
        if (known != null) {
            return known;
        }
        ObjectNode schema = JsonSchemaReader.read(text, name);
        return JSON_CACHE.computeIfAbsent(schema.toString(), k -> new ClassificationSchema<>(schema));
    }

    /** The schema's JSON (compact, as requests carry it) when it was given as JSON; empty for a record type. */
    public Optional<String> json() {
        return Optional.ofNullable(json);
    }

    /** The record type. */
    public Class<T> type() {
        return type;
    }

    /** The JSON names of the top-level fields, in declaration order. */
    public List<String> columns() {
        return columns;
    }

    /** The response schema in Gemini's {@code Schema} format (a fresh copy). */
    public ObjectNode responseSchema() {
        return schema.deepCopy();
    }

    /** Every way {@code answer} breaks the schema; empty when it is valid. */
    public List<String> validate(JsonNode answer) {
        if (answer == null) {
            return List.of("$ is missing");
        }
        try (JsonParser in = answer.traverse()) {
            return AnswerValidator.check(check, in, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // a tree always reads
        }
    }

    /**
     * Every way the answer {@code in} stands before breaks the schema, read token by token without
     * building a tree; each token read is also written to {@code copy} when it is not null, so the
     * answer's compact text comes out of the same pass. The parser is left on the answer's last token.
     *
     * @throws IOException if {@code in} is not well-formed JSON or {@code copy} cannot be written
     */
    public List<String> validate(JsonParser in, JsonGenerator copy) throws IOException {
        Checks.notNull(in, "in");
        return AnswerValidator.check(check, in, copy);
    }

    /**
     * Maps a valid answer to the record.
     *
     * @throws IllegalArgumentException if the JSON cannot be bound to the record
     */
    @SuppressWarnings("unchecked")
    public T map(JsonNode answer) {
        if (json != null) {
            if (answer == null || !answer.isObject()) {
                throw new IllegalArgumentException("answer must be a JSON object, was " + answer);
            }
            return (T) new Answer((ObjectNode) answer);
        }
        try {
            return JSON.treeToValue(answer, type);
        } catch (Exception e) {
            throw new IllegalArgumentException("answer does not bind to " + type.getSimpleName()
                    + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "ClassificationSchema[" + (json != null ? "JSON" : type.getSimpleName()) + ", fields=" + columns + "]";
    }

    private static ObjectNode objectSchema(Class<?> type, String where) {
        ObjectNode node = NODES.objectNode();
        node.put("type", "OBJECT");
        ObjectNode properties = node.putObject("properties");
        ArrayNode required = NODES.arrayNode();
        ArrayNode ordering = NODES.arrayNode();
        for (RecordComponent c : type.getRecordComponents()) {
            String name = jsonName(c);
            Field field = c.getAnnotation(Field.class);
            ObjectNode property = typeSchema(c.getGenericType(), field, where + "." + c.getName());
            if (field != null && !field.description().isEmpty()) {
                property.put("description", field.description());
            }
            properties.set(name, property);
            ordering.add(name);
            if (field == null || !field.optional()) {
                required.add(name);
            }
        }
        node.set("required", required);
        node.set("propertyOrdering", ordering);
        return node;
    }

    private static ObjectNode typeSchema(Type type, Field field, String where) {
        ObjectNode node = NODES.objectNode();
        if (type == String.class) {
            node.put("type", "STRING");
            if (field != null && field.values().length > 0) {
                node.put("format", "enum");
                ArrayNode values = node.putArray("enum");
                for (String v : field.values()) {
                    values.add(v);
                }
            }
        } else if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            node.put("type", "INTEGER");
            range(node, field);
        } else if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            node.put("type", "NUMBER");
            range(node, field);
        } else if (type == boolean.class || type == Boolean.class) {
            node.put("type", "BOOLEAN");
        } else if (type instanceof Class<?> c && c.isEnum()) {
            node.put("type", "STRING");
            node.put("format", "enum");
            ArrayNode values = node.putArray("enum");
            for (Object constant : c.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
        } else if (type instanceof Class<?> c && c.isRecord()) {
            return objectSchema(c, where);
        } else if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            node.put("type", "ARRAY");
            node.set("items", typeSchema(p.getActualTypeArguments()[0], null, where + "[]"));
        } else {
            throw new IllegalArgumentException(where + " has unsupported type " + type.getTypeName()
                    + "; expected String, a number, boolean, an enum, a record or a List of those");
        }
        return node;
    }

    private static void range(ObjectNode node, Field field) {
        if (field != null && !Double.isNaN(field.min())) {
            node.put("minimum", field.min());
        }
        if (field != null && !Double.isNaN(field.max())) {
            node.put("maximum", field.max());
        }
    }

    private static String jsonName(RecordComponent c) {
        JsonProperty p = c.getAnnotation(JsonProperty.class);
        if (p == null) {
            try {
                p = c.getAccessor().getAnnotation(JsonProperty.class);
            } catch (SecurityException ignored) {
                p = null;
            }
        }
        return p != null && !p.value().isEmpty() ? p.value() : c.getName();
    }
}
