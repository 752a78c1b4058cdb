package dev.newsbatch.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emulator's offline "model": reads a news prompt with word lists and simple patterns, deterministically.
 * Financial news is detected from a finance lexicon, sectors from keyword lists, companies from capitalised
 * names with company suffixes (Inc, Corp, Holding, A.Ş., Bank ...) or well-known names, sentiment from
 * positive/negative word counts, and summaries are the lead sentences.
 *
 * @param title       the headline ("Title:" line, else the first short line, else the first sentence)
 * @param body        the article text
 * @param financial   true when the text uses enough finance vocabulary
 * @param sectors     sector names found, most mentioned first
 * @param companies   company names found, in order of appearance
 * @param sentiment   Positive, Negative or Neutral
 * @param confidence  0..10, higher when the signals agree
 * @param summary     the lead sentences, at most about 300 characters
 */
record NewsReading(String title, String body, boolean financial, List<String> sectors, List<String> companies,
                   String sentiment, int confidence, String summary) {

    /** Marks text that is not a real translation or model output. */
    static final String MARK = "[emulator] ";

    private static final Set<String> FINANCE = Set.of("stock", "stocks", "share", "shares", "market", "markets",
            "revenue", "revenues", "profit", "profits", "earnings", "investor", "investors", "investment", "bank",
            "banks", "banking", "inflation", "interest", "rate", "rates", "bond", "bonds", "dividend", "ipo",
            "currency", "dollar", "euro", "lira", "exchange", "nasdaq", "dow", "index", "fund", "funds", "trading",
            "quarter", "quarterly", "fiscal", "gdp", "economy", "economic", "debt", "loan", "loans", "credit",
            "merger", "acquisition", "valuation", "billion", "million", "price", "prices", "sales", "central",
            "borsa", "hisse", "piyasa", "faiz", "enflasyon", "kâr", "kar", "yatırım", "banka", "döviz", "ekonomi",
            "şirket", "satış", "gelir", "tahvil", "temettü");
    private static final Set<String> POSITIVE = Set.of("growth", "grow", "grew", "rise", "rises", "rose", "gain",
            "gains", "record", "profit", "profits", "beat", "beats", "surge", "surged", "strong", "stronger", "up",
            "boost", "boosted", "improve", "improved", "success", "successful", "win", "wins", "won", "expand",
            "expansion", "positive", "optimistic", "recovery", "rally", "upgrade", "approval", "approved", "launch",
            "artış", "yükseldi", "büyüme", "rekor", "başarı", "olumlu", "kazanç");
    private static final Set<String> NEGATIVE = Set.of("fall", "falls", "fell", "drop", "drops", "dropped", "loss",
            "losses", "decline", "declined", "crisis", "lawsuit", "layoffs", "layoff", "plunge", "plunged", "weak",
            "weaker", "bankrupt", "bankruptcy", "fraud", "down", "cut", "cuts", "slump", "recession", "warning",
            "negative", "pessimistic", "downgrade", "fine", "fined", "probe", "scandal", "strike", "default",
            "düştü", "kayıp", "kriz", "zarar", "olumsuz", "iflas", "gerileme");
    private static final Map<String, List<String>> SECTORS = sectorTable();
    private static final List<String> KNOWN_COMPANIES = List.of("Apple", "Google", "Alphabet", "Microsoft", "Amazon",
            "Tesla", "Meta", "Nvidia", "Intel", "Samsung", "Toyota", "Volkswagen", "Siemens", "Boeing", "Airbus",
            "Netflix", "OpenAI", "IBM", "Oracle", "Shell", "BP", "ExxonMobil", "Pfizer", "Aselsan", "Turkcell",
            "Türk Telekom", "Turkish Airlines", "Türk Hava Yolları", "Koç Holding", "Sabancı Holding", "Garanti BBVA",
            "Akbank", "Ford Otosan", "Tüpraş", "Arçelik", "BİM", "Migros", "Vestel", "Pegasus", "Eczacıbaşı");
    private static final Pattern KNOWN = Pattern.compile("(?<![\\p{L}])(?:" + String.join("|",
            KNOWN_COMPANIES.stream().map(Pattern::quote).toArray(String[]::new)) + ")(?![\\p{L}])");
    private static final String SUFFIX = "(?:Inc\\.?|Corp\\.?|Corporation|Ltd\\.?|LLC|PLC|plc|AG|SE|S\\.A\\.|SA|"
            + "N\\.V\\.|A\\.Ş\\.|AŞ|A\\.S\\.|Holding|Holdings|Bank|Bankası|Group|Grubu|Motors|Airlines|"
            + "Technologies|Energy|Enerji|Telecom|Pharmaceuticals|Capital|Partners|Co\\.)";
    private static final Pattern COMPANY = Pattern.compile("((?:[A-ZÇĞİÖŞÜ][\\p{L}&'-]*\\s+){0,3}?"
            + "[A-ZÇĞİÖŞÜ][\\p{L}&'-]*(?:\\s+" + SUFFIX + ")+)(?![\\p{L}])");
    private static final Pattern TITLE_LABEL = Pattern.compile("(?im)^\\s*(?:title|headline|başlık)\\s*[:：]\\s*(.+)$");
    private static final Pattern BODY_LABEL = Pattern.compile(
            "(?is)^\\s*(?:content|contents|body|text|article|metin|içerik)\\s*[:：]\\s*(.+)", Pattern.MULTILINE);
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[\"“'(]?[\\p{Lu}\\d])");
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'’-]*");

    static NewsReading of(String prompt) {
        String text = prompt == null ? "" : prompt.strip();
        String title = null;
        String body = null;
        Matcher t = TITLE_LABEL.matcher(text);
        if (t.find()) {
            title = t.group(1).strip();
        }
        Matcher b = BODY_LABEL.matcher(text);
        if (b.find()) {
            body = b.group(1).strip();
        }
        if (title == null) {
            String[] lines = text.split("\\R", 2);
            if (body == null && lines.length > 1 && !lines[0].isBlank() && lines[0].strip().length() <= 200) {
                title = lines[0].strip();
                body = lines[1].strip();
            } else {
                title = firstSentence(body != null ? body : text, 200);
            }
        }
        if (body == null) {
            body = t.reset().find() ? text.replace(t.group(0), "").strip() : text;
        }
        List<String> words = words(body + " " + title);
        int finance = count(words, FINANCE);
        int pos = count(words, POSITIVE);
        int neg = count(words, NEGATIVE);
        boolean financial = finance >= 2;
        String sentiment = pos > neg ? "Positive" : neg > pos ? "Negative" : "Neutral";
        int confidence = (int) Math.max(0, Math.min(10, 4 + Math.min(3, Math.abs(pos - neg)) + Math.min(3, finance / 2)));
        return new NewsReading(clip(title, 200), body, financial, sectorsOf(words), companiesOf(title + ". " + body),
                sentiment, confidence, lead(body.isBlank() ? title : body, 300));
    }

    /** The Turkish summary stand-in: the English lead sentences, marked as not translated. */
    String summaryTr() {
        return MARK + summary;
    }

    /** Most frequent content words, for free-text fields such as keywords or tags. */
    List<String> keywords(int max) {
        Map<String, Integer> freq = new LinkedHashMap<>();
        for (String w : words(body)) {
            if (w.length() > 4) {
                freq.merge(w, 1, Integer::sum);
            }
        }
        List<String> out = new ArrayList<>();
        freq.entrySet().stream().sorted((a, c) -> c.getValue() - a.getValue()).limit(max)
                .forEach(e -> out.add(e.getKey()));
        return out;
    }

    private static List<String> sectorsOf(List<String> words) {
        Map<String, Integer> hits = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> s : SECTORS.entrySet()) {
            int n = 0;
            for (String w : words) {
                for (String k : s.getValue()) {
                    if (k.length() <= 3 ? w.equals(k) : w.startsWith(k)) {
                        n++;
                        break;
                    }
                }
            }
            if (n > 0) {
                hits.put(s.getKey(), n);
            }
        }
        List<String> out = new ArrayList<>();
        hits.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(3).forEach(e -> out.add(e.getKey()));
        return out;
    }

    private static List<String> companiesOf(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = COMPANY.matcher(text);
        while (m.find() && found.size() < 10) {
            String name = m.group(1).strip().replaceAll("^(?:The|A|An|Bu|Şu)\\s+", "");
            found.add(name);
        }
        Matcher k = KNOWN.matcher(text);
        while (k.find() && found.size() < 10) {
            String known = k.group();
            if (found.stream().noneMatch(f -> f.contains(known))) {
                found.add(known);
            }
        }
        return List.copyOf(found);
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            out.add(m.group().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private static int count(List<String> words, Set<String> lexicon) {
        int n = 0;
        for (String w : words) {
            if (lexicon.contains(w)) {
                n++;
            }
        }
        return n;
    }

    static String firstSentence(String text, int max) {
        String[] sentences = SENTENCE_END.split(text.strip(), 2);
        return clip(sentences.length == 0 ? "" : sentences[0].replaceAll("\\s+", " "), max);
    }

    /** The first sentences of {@code text}, as many as fit in {@code max} characters (at least one, clipped). */
    static String lead(String text, int max) {
        StringBuilder out = new StringBuilder();
        for (String s : SENTENCE_END.split(text.strip().replaceAll("\\s+", " "))) {
            if (out.length() > 0 && out.length() + 1 + s.length() > max) {
                break;
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(s);
            if (out.length() >= max / 2) {
                break;
            }
        }
        return clip(out.toString(), max);
    }

    static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1).stripTrailing() + "…";
    }

    private static Map<String, List<String>> sectorTable() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("Banking & Finance", List.of("bank", "lend", "loan", "credit", "fintech", "insur", "fund", "asset",
                "banka", "kredi", "sigorta"));
        m.put("Technology", List.of("software", "chip", "semiconductor", "cloud", "artificial", "ai", "tech",
                "digital", "internet", "smartphone", "yazılım", "teknoloji"));
        m.put("Energy", List.of("oil", "gas", "energy", "power", "electric", "solar", "wind", "petrol", "renewable",
                "enerji", "doğalgaz", "elektrik"));
        m.put("Automotive", List.of("car", "cars", "vehicle", "automaker", "automotive", "ev", "otomotiv", "araç"));
        m.put("Healthcare", List.of("health", "hospital", "drug", "pharma", "vaccine", "medical", "sağlık", "ilaç"));
        m.put("Retail", List.of("retail", "store", "consumer", "shopping", "e-commerce", "perakende", "mağaza"));
        m.put("Telecommunications", List.of("telecom", "mobile", "5g", "broadband", "operator", "telekom"));
        m.put("Real Estate", List.of("estate", "housing", "property", "mortgage", "konut", "gayrimenkul"));
        m.put("Aviation & Transport", List.of("airline", "airport", "flight", "aviation", "shipping", "logistics",
                "rail", "havayolu", "uçak", "lojistik"));
        m.put("Manufacturing", List.of("factory", "manufactur", "industrial", "production", "steel", "üretim",
                "sanayi", "fabrika"));
        m.put("Agriculture & Food", List.of("agricultur", "farm", "food", "crop", "wheat", "tarım", "gıda"));
        m.put("Tourism", List.of("tourism", "tourist", "hotel", "travel", "turizm", "otel"));
        m.put("Defense", List.of("defense", "defence", "military", "weapon", "savunma"));
        m.put("Construction", List.of("construction", "infrastructure", "cement", "inşaat", "altyapı"));
        m.put("Media & Entertainment", List.of("media", "film", "streaming", "music", "game", "medya"));
        return m;
    }
}
