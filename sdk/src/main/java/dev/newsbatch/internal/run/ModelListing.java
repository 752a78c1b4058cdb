package dev.newsbatch.internal.run;

import dev.newsbatch.ModelInfo;
import dev.newsbatch.internal.CatalogModel;
import dev.newsbatch.internal.ModelCatalog;
import dev.newsbatch.internal.gemini.GeminiGateway;
import dev.newsbatch.internal.plan.ModelPricing;
import dev.newsbatch.internal.plan.Pricing;
import dev.newsbatch.internal.plan.Rates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The model catalogue as {@link ModelInfo} values, merged with an API's {@code models.list} when asked. */
final class ModelListing {
    private ModelListing() {}

    /** Every catalogue model, served ones first, then by id. */
    static List<ModelInfo> catalogue() {
        LocalDate today = ModelCatalog.today();
        List<ModelInfo> out = new ArrayList<>();
        for (CatalogModel m : ModelCatalog.defaults().all()) {
            out.add(info(m, today));
        }
        out.sort((a, b) -> a.status().isServed() != b.status().isServed() ? (a.status().isServed() ? -1 : 1)
                : a.id().compareTo(b.id()));
        return out;
    }

    /** The catalogue merged with what {@code gateway} lists. */
    static List<ModelInfo> merged(GeminiGateway gateway) {
        Map<String, ModelInfo> byId = new LinkedHashMap<>();
        catalogue().forEach(m -> byId.put(m.id(), m));
        List<ModelInfo> liveOnly = new ArrayList<>();
        for (GeminiGateway.ListedModel l : gateway.listModels()) {
            ModelInfo known = byId.get(l.id());
            if (known != null) {
                byId.put(l.id(), known.origin(ModelInfo.Origin.BOTH, known.note()));
            } else if (l.actions().isEmpty() || l.actions().contains("generateContent")) {
                liveOnly.add(new ModelInfo(l.id(), null, null, null, l.inputTokenLimit(), l.outputTokenLimit(),
                        l.actions().contains("batchGenerateContent"), false, "unknown", "unknown", Double.NaN,
                        Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, ModelInfo.Origin.LIVE,
                        "listed by the API, not in the catalogue: no prices, so newsbatch does not submit it"));
            }
        }
        List<ModelInfo> out = new ArrayList<>();
        for (ModelInfo m : byId.values()) {
            out.add(m.origin() == ModelInfo.Origin.BOTH ? m : m.origin(ModelInfo.Origin.CATALOGUE,
                    m.status().isServed() ? "in the catalogue, not listed by the API" : m.note()));
        }
        out.addAll(liveOnly);
        return out;
    }

    private static ModelInfo info(CatalogModel m, LocalDate today) {
        ModelPricing p = Pricing.defaults().model(m.id());
        Rates flex = p.flex();
        String note = m.statusNote().isBlank() ? m.lifeLine(today) : m.lifeLine(today) + ". " + m.statusNote();
        return new ModelInfo(m.id(), m.statusOn(today), m.shutdown(), m.replacement(), m.inputTokenLimit(),
                m.outputTokenLimit(), m.batch(), m.flex(), m.thinking().describe(), m.thinking().least(),
                p.standard().input(), p.standard().output(), p.batch().input(), p.batch().output(),
                flex == null ? Double.NaN : flex.input(), flex == null ? Double.NaN : flex.output(),
                ModelInfo.Origin.CATALOGUE, note);
    }
}
