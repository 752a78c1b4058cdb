package dev.newsbatch.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The offline model's answers are valid for the news schema and for any custom schema. */
class ModelAnswerTest {
    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final String CUSTOM_SCHEMA = "{\"type\":\"OBJECT\",\"properties\":{"
            + "\"headline\":{\"type\":\"STRING\",\"maxLength\":20},"
            + "\"tone\":{\"type\":\"STRING\",\"enum\":[\"upbeat\",\"gloomy\",\"flat\"]},"
            + "\"tags\":{\"type\":\"ARRAY\",\"items\":{\"type\":\"STRING\"},\"minItems\":2,\"maxItems\":3},"
            + "\"risk\":{\"type\":\"NUMBER\",\"minimum\":0.5,\"maximum\":0.75},"
            + "\"year\":{\"type\":\"INTEGER\",\"minimum\":1990,\"maximum\":2030},"
            + "\"urgent\":{\"type\":\"BOOLEAN\"},"
            + "\"code\":{\"type\":\"STRING\",\"minLength\":5},"
            + "\"people\":{\"type\":\"ARRAY\",\"minItems\":1,\"items\":{\"type\":\"OBJECT\",\"properties\":{"
            + "\"name\":{\"type\":\"STRING\"},\"age\":{\"type\":\"INTEGER\",\"minimum\":18}},\"required\":[\"name\",\"age\"]}}},"
            + "\"required\":[\"headline\",\"tone\",\"tags\",\"risk\",\"year\",\"urgent\",\"code\",\"people\"]}";

    static JsonNode answer(String prompt, String schemaJson, String schemaField) {
        ObjectNode request = (ObjectNode) Json.parse("{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":"
                + Json.text(prompt) + "}]}]}");
        request.putObject("generationConfig").put("responseMimeType", "application/json")
                .set(schemaField, Json.parse(schemaJson));
        JsonNode response = Responder.respond("models/gemini-2.5-flash", request, NOW);
        return Json.parse(response.path("candidates").path(0).path("content").path("parts").path(0).path("text").asText());
    }

    @Test
    void newsAnswerIsSchemaValidAndReadsTheArticle() {
        JsonNode a = answer(Articles.FINANCIAL, Articles.NEWS_SCHEMA, "responseSchema");
        assertEquals(List.of(), SchemaValidator.violations(Json.parse(Articles.NEWS_SCHEMA), a));
        assertEquals("Acme Holding A.Ş. profits surge as bank lending grows", a.path("page_title").asText());
        assertEquals("Yes", a.path("is_financial").asText());
        assertEquals("Positive", a.path("sentiment").asText());
        assertTrue(a.path("companies").toString().contains("Acme Holding A.Ş."), a.toString());
        assertTrue(a.path("sector").toString().contains("Banking & Finance"), a.toString());
        assertTrue(a.path("summary_en").asText().startsWith("Acme Holding A.Ş. reported record quarterly profit"));
        assertTrue(a.path("summary_tr").asText().startsWith("[emulator] "));
        int score = a.path("confident_score").asInt();
        assertTrue(score >= 0 && score <= 10);
    }

    @Test
    void nonFinancialNewsIsMarkedNo() {
        JsonNode a = answer(Articles.NON_FINANCIAL, Articles.NEWS_SCHEMA, "responseSchema");
        assertEquals(List.of(), SchemaValidator.violations(Json.parse(Articles.NEWS_SCHEMA), a));
        assertEquals("No", a.path("is_financial").asText());
        assertEquals("Local team wins the cup", a.path("page_title").asText());
    }

    @Test
    void negativeNewsReadsNegative() {
        JsonNode a = answer("Title: Shares plunge\nContent: Shares of Beta Corp fell 20% after a fraud probe and "
                + "layoffs; losses widened as the market slump deepened.", Articles.NEWS_SCHEMA, "responseSchema");
        assertEquals("Negative", a.path("sentiment").asText());
        assertTrue(a.path("companies").toString().contains("Beta Corp"), a.toString());
    }

    @Test
    void customSchemaAnswerIsValid() {
        JsonNode a = answer(Articles.FINANCIAL, CUSTOM_SCHEMA, "responseSchema");
        assertEquals(List.of(), SchemaValidator.violations(Json.parse(CUSTOM_SCHEMA), a), a.toString());
        assertEquals(3, a.path("tags").size());
    }

    @Test
    void jsonSchemaWithLowerCaseTypesIsHonoured() {
        String jsonSchema = CUSTOM_SCHEMA.replace("OBJECT", "object").replace("STRING", "string")
                .replace("ARRAY", "array").replace("NUMBER", "number").replace("INTEGER", "integer")
                .replace("BOOLEAN", "boolean");
        JsonNode a = answer(Articles.NON_FINANCIAL, jsonSchema, "responseJsonSchema");
        assertEquals(List.of(), SchemaValidator.violations(Json.parse(jsonSchema), a), a.toString());
    }

    @Test
    void snakeCaseRequestReadsLikeCamelCase() {
        JsonNode camel = Json.camelCase(Json.parse("{\"generation_config\":{\"response_schema\":{\"type\":\"OBJECT\","
                + "\"properties\":{\"page_title\":{\"type\":\"STRING\"}},\"property_ordering\":[\"page_title\"]}}}"));
        JsonNode schema = camel.path("generationConfig").path("responseSchema");
        assertTrue(schema.path("properties").has("page_title"), camel.toString());
        assertTrue(schema.has("propertyOrdering"), camel.toString());
    }

    @Test
    void answersAreReproducible() {
        assertEquals(answer(Articles.FINANCIAL, CUSTOM_SCHEMA, "responseSchema"),
                answer(Articles.FINANCIAL, CUSTOM_SCHEMA, "responseSchema"));
    }

    @Test
    void newsSchemaThroughTheSdkIsValid() {
        try (GeminiEmulator emu = GeminiEmulator.start(EmulatorConfig.defaults())) {
            GenerateContentResponse r = Sdk.client(emu).models.generateContent(Sdk.defaultModel(), Articles.FINANCIAL,
                    GenerateContentConfig.builder().responseMimeType("application/json")
                            .responseJsonSchema(Json.MAPPER.convertValue(Json.parse(Articles.NEWS_SCHEMA), Map.class))
                            .build());
            assertEquals(List.of(), SchemaValidator.violations(Json.parse(Articles.NEWS_SCHEMA), Json.parse(r.text())));
        }
    }

    @Test
    void tooSmallOutputBudgetStopsWithMaxTokens() {
        ObjectNode request = (ObjectNode) Json.parse("{\"contents\":[{\"parts\":[{\"text\":\"x\"}]}],"
                + "\"generationConfig\":{\"maxOutputTokens\":2}}");
        JsonNode r = Responder.respond("gemini-2.5-flash", request, NOW);
        assertEquals("MAX_TOKENS", r.path("candidates").path(0).path("finishReason").asText());
        assertEquals(2, r.path("usageMetadata").path("candidatesTokenCount").asInt());
    }
}
