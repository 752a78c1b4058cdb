package dev.newsbatch.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a page says about itself in {@code <meta>} tags and schema.org JSON-LD: title, byline, site name,
 * publication time and description. Fields are {@code null} when the page does not state them.
 */
record PageMetadata(String title, String byline, String siteName, String published, String excerpt) {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern CDATA = Pattern.compile("^\\s*<!\\[CDATA\\[|\\]\\]>\\s*$");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern WEB_ADDRESS = Pattern.compile("(?i)^https?://.*");
    private static final Pattern SCHEMA_ORG = Pattern.compile("(?i)^https?://schema\\.org/?$");
    private static final Pattern ARTICLE_TYPES = Pattern.compile(
            "^(Article|AdvertiserContentArticle|NewsArticle|AnalysisNewsArticle|AskPublicNewsArticle|BackgroundNewsArticle"
            + "|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|Report|SatiricalArticle|ScholarlyArticle"
            + "|MedicalScholarlyArticle|SocialMediaPosting|BlogPosting|LiveBlogPosting|DiscussionForumPosting"
            + "|TechArticle|APIReference|WebPage)$");

    /** The metadata of {@code doc}, from all its meta tags and JSON-LD scripts. */
    static PageMetadata of(Document doc) {
        Sources sources = new Sources();
        sources.collect(doc);
        return of(doc, sources);
    }

    /** The metadata of {@code doc} from the meta tags and JSON-LD scripts {@code sources} has found so far. */
    static PageMetadata of(Document doc, Sources sources) {
        Map<String, String> meta = sources.metaValues();
        JsonLd ld = sources.jsonLd(doc);
        String title = first(ld.title(doc), meta.get("dc:title"), meta.get("dcterm:title"), meta.get("og:title"),
                meta.get("weibo:article:title"), meta.get("weibo:webpage:title"), meta.get("title"),
                meta.get("twitter:title"), meta.get("parsely-title"));
        String articleAuthor = meta.get("article:author");
        if (articleAuthor != null && WEB_ADDRESS.matcher(articleAuthor).matches()) {
            articleAuthor = null;
        }
        String byline = first(ld.author, meta.get("dc:creator"), meta.get("dcterm:creator"), meta.get("author"),
                meta.get("parsely-author"), articleAuthor);
        String site = first(ld.publisher, meta.get("og:site_name"), meta.get("application-name"));
        String published = first(ld.published, meta.get("article:published_time"), meta.get("parsely-pub-date"),
                meta.get("datepublished"), meta.get("date"), meta.get("dc:date"));
        String excerpt = first(ld.description, meta.get("dc:description"), meta.get("dcterm:description"),
                meta.get("og:description"), meta.get("weibo:article:description"), meta.get("description"),
                meta.get("twitter:description"));
        return new PageMetadata(title, byline, site, published, excerpt);
    }

    /**
     * The meta tags and JSON-LD scripts of a page, in document order, gathered by a walk over the page: by
     * {@link #collect} over a whole subtree, or by a walk of its own (the {@link PageTree}'s) that passes each
     * element it visits to {@link #add}.
     */
    static final class Sources {
        private final List<Element> metas = new ArrayList<>();
        private final List<Element> scripts = new ArrayList<>();
        /** The JSON-LD read from the first {@code readScripts} scripts. */
        private JsonLd jsonLd;
        private int readScripts = -1;
        /** The values of the first {@code readMetas} meta tags by key; the first tag with a key wins. */
        private final Map<String, String> metaValues = new HashMap<>();
        private int readMetas;

        /** The meta tags' values by key, adding those of the tags found since the last call. */
        private Map<String, String> metaValues() {
            for (; readMetas < metas.size(); readMetas++) {
                Element m = metas.get(readMetas);
                String content = m.attr("content").strip();
                if (content.isEmpty()) {
                    continue;
                }
                for (String key : new String[] {m.attr("property"), m.attr("name"), m.attr("itemprop")}) {
                    if (!key.isEmpty()) {
                        putKeys(key.toLowerCase(Locale.ROOT).trim(), content);
                    }
                }
            }
            return metaValues;
        }

        /** Keeps {@code content} under each whitespace-separated key of {@code keys} that has no value yet. */
        private void putKeys(String keys, String content) {
            boolean oneKey = true;
            for (int i = 0; i < keys.length() && oneKey; i++) {
                oneKey = !Character.isWhitespace(keys.charAt(i));
            }
            for (String k : oneKey ? new String[] {keys} : WHITESPACE.split(keys)) {
                if (!k.isEmpty()) {
                    // k has no whitespace (it was split off at whitespace), so the separators have none around them
                    metaValues.putIfAbsent(k.replace('.', ':'), content);
                }
            }
        }

        /** The JSON-LD article of the scripts found so far, read again only when more were found since. */
        private JsonLd jsonLd(Document doc) {
            if (jsonLd == null || (readScripts != scripts.size() && !jsonLd.found)) {
                jsonLd = JsonLd.of(doc, scripts);
                readScripts = scripts.size();
            }
            return jsonLd;
        }

        /** Keeps {@code e} (tag {@code tag}) when it is a meta tag or JSON-LD script; its children are not looked at. */
        void add(Element e, String tag) {
            if (tag.equals("meta")) {
                metas.add(e);
            } else if (tag.equals("script")) {
                if (e.attributesSize() > 0 && e.attr("type").equalsIgnoreCase("application/ld+json")) {
                    scripts.add(e);
                }
            }
        }

        /** Keeps {@code e} when it is one, else the ones inside it. */
        void visit(Element e) {
            String tag = e.normalName();
            if (tag.equals("meta") || tag.equals("script")) {
                add(e, tag);
            } else if (e.childNodeSize() > 0) {
                collect(e);
            }
        }

        /** Keeps the ones inside {@code e}. */
        void collect(Element e) {
            for (int i = 0, n = e.childNodeSize(); i < n; i++) {
                org.jsoup.nodes.Node node = e.childNode(i);
                if (node instanceof Element) {
                    visit((Element) node);
                }
            }
        }
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return Text.normalise(v);
            }
        }
        return null;
    }

    /** The first schema.org article object of the page's JSON-LD blocks. */
    private static final class JsonLd {
        String name;
        String headline;
        String author;
        String publisher;
        String published;
        String description;
        /** True when an article object was found (later scripts then do not matter). */
        boolean found;

        static JsonLd of(Document doc, List<Element> scripts) {
            JsonLd ld = new JsonLd();
            for (Element script : scripts) {
                try {
                    String data = script.data();
                    // the pattern can only match where one of the two markers is
                    String text = data.contains("<![CDATA[") || data.contains("]]>")
                            ? CDATA.matcher(data).replaceAll("") : data;
                    JsonNode article = find(JSON.readTree(text), false);
                    if (article != null) {
                        ld.read(article);
                        ld.found = true;
                        return ld;
                    }
                } catch (Exception e) {
                    // a malformed JSON-LD block is ignored like a browser ignores it
                }
            }
            return ld;
        }

        private static JsonNode find(JsonNode node, boolean inContext) {
            if (node == null) {
                return null;
            }
            if (node.isArray()) {
                for (JsonNode n : node) {
                    JsonNode found = find(n, inContext);
                    if (found != null) {
                        return found;
                    }
                }
                return null;
            }
            if (!node.isObject()) {
                return null;
            }
            boolean schema = inContext || isSchemaOrg(node.get("@context"));
            if (!schema) {
                return null;
            }
            if (node.has("@graph")) {
                JsonNode found = find(node.get("@graph"), true);
                if (found != null) {
                    return found;
                }
            }
            JsonNode type = node.get("@type");
            if (type != null) {
                for (JsonNode t : type.isArray() ? type : JSON.createArrayNode().add(type)) {
                    if (ARTICLE_TYPES.matcher(t.asText()).matches() && (!"WebPage".equals(t.asText()) || node.has("headline"))) {
                        return node;
                    }
                }
            }
            return null;
        }

        private static boolean isSchemaOrg(JsonNode context) {
            if (context == null) {
                return false;
            }
            if (context.isTextual()) {
                return SCHEMA_ORG.matcher(context.asText()).matches();
            }
            if (context.isObject()) {
                JsonNode vocab = context.get("@vocab");
                return vocab != null && SCHEMA_ORG.matcher(vocab.asText()).matches();
            }
            if (context.isArray()) {
                for (JsonNode c : context) {
                    if (isSchemaOrg(c)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private void read(JsonNode a) {
            name = text(a.get("name"));
            headline = text(a.get("headline"));
            author = names(a.get("author"));
            JsonNode pub = a.get("publisher");
            publisher = pub == null ? null : pub.isObject() ? text(pub.get("name")) : text(pub);
            published = text(a.get("datePublished"));
            description = text(a.get("description"));
        }

        /** The headline or the name; when both differ, the one closer to the document's {@code <title>}. */
        String title(Document doc) {
            if (name != null && headline != null && !name.equals(headline)) {
                String docTitle = doc.title();
                boolean nameMatches = Text.similarity(docTitle, name) > 0.75;
                boolean headlineMatches = Text.similarity(docTitle, headline) > 0.75;
                return nameMatches && !headlineMatches ? name : headline;
            }
            return headline != null ? headline : name;
        }

        private static String text(JsonNode n) {
            return n != null && n.isValueNode() && !n.asText().isBlank() ? n.asText().strip() : null;
        }

        private static String names(JsonNode n) {
            if (n == null) {
                return null;
            }
            if (n.isTextual()) {
                return text(n);
            }
            if (n.isObject()) {
                return text(n.get("name"));
            }
            if (n.isArray()) {
                List<String> all = new ArrayList<>();
                for (JsonNode a : n) {
                    String s = names(a);
                    if (s != null) {
                        all.add(s);
                    }
                }
                return all.isEmpty() ? null : String.join(", ", all);
            }
            return null;
        }
    }
}
