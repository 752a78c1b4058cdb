package dev.newsbatch.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The classification of one news article, with the JSON names of the original system.
 *
 * <pre>{@code
 * NewsClassification c = results.rows().get(0).value();
 * if (c.financial()) System.out.println(c.companies());
 * }</pre>
 *
 * @param pageTitle      the article's title as the model read it
 * @param isFinancial    "Yes" or "No"
 * @param sector         economic sectors the article concerns
 * @param companies      companies named in the article
 * @param sentiment      "Positive", "Negative" or "Neutral"
 * @param confidentScore the model's confidence, 0 to 10
 * @param summaryEn      a short summary in English
 * @param summaryTr      a short summary in Turkish
 */
public record NewsClassification(
        @JsonProperty("page_title")
        @Field(description = "The title of the news article")
        String pageTitle,
        @JsonProperty("is_financial")
        @Field(description = "Whether the article is financial news", values = {"Yes", "No"})
        String isFinancial,
        @JsonProperty("sector")
        @Field(description = "Economic sectors the article is about, e.g. Banking, Energy, Technology")
        List<String> sector,
        @JsonProperty("companies")
        @Field(description = "Companies mentioned in the article")
        List<String> companies,
        @JsonProperty("sentiment")
        @Field(description = "Overall sentiment of the article", values = {"Positive", "Negative", "Neutral"})
        String sentiment,
        @JsonProperty("confident_score")
        @Field(description = "Confidence of the classification from 0 to 10", min = 0, max = 10)
        int confidentScore,
        @JsonProperty("summary_en")
        @Field(description = "A two or three sentence summary in English")
        String summaryEn,
        @JsonProperty("summary_tr")
        @Field(description = "A two or three sentence summary in Turkish")
        String summaryTr) {

    public NewsClassification {
        sector = sector == null ? List.of() : List.copyOf(sector);
        companies = companies == null ? List.of() : List.copyOf(companies);
    }

    /** True when {@code is_financial} is "Yes". */
    public boolean financial() {
        return "Yes".equalsIgnoreCase(isFinancial);
    }

    @Override
    public String toString() {
        return "NewsClassification[financial=" + isFinancial + ", sentiment=" + sentiment
                + ", score=" + confidentScore + ", sectors=" + abbreviate(sector)
                + ", companies=" + abbreviate(companies) + "]";
    }

    private static String abbreviate(List<String> values) {
        return values.size() <= 3 ? values.toString()
                : values.subList(0, 3).toString().replace("]", ", +" + (values.size() - 3) + "]");
    }
}
