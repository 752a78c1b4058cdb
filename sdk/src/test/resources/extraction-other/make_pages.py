#!/usr/bin/env python3
"""Writes the held-out extraction pages of this folder: invented news pages in varied page shapes, each as
NAME/source.html, NAME/expected.html (the article body a reader view should keep) and
NAME/expected-metadata.json. The texts are made up for these pages. Run from this folder: python3 make_pages.py"""
import html, json, os, random

rnd = random.Random(7)

EN = [
    "The regional council voted on Tuesday to extend the night bus network to three outer districts, ending a debate that had lasted almost a year.",
    "Officials said the first routes would open in the spring, once drivers had been hired and trained for the new shifts.",
    "Residents of the northern estates, who had campaigned for the change, welcomed the decision but warned that the timetable was still too thin.",
    "The cost of the scheme, estimated at 4.2 million a year, will be covered partly by a rise in parking charges in the city centre.",
    "Opposition members argued that the money would be better spent on repairing the existing fleet, much of which is more than fifteen years old.",
    "A survey carried out by the transport authority found that nearly a third of late-shift workers had no way of getting home after midnight.",
    "Hospital staff, cleaners and restaurant workers were among those most affected, according to the authors of the report.",
    "The mayor described the vote as a first step and said a review of daytime services would follow before the end of the year.",
    "Local businesses have also backed the plan, saying that customers stay longer when they know they can travel home safely.",
    "Engineers will test the new routes with empty buses for several weeks to check journey times and the condition of the roads.",
    "Some councillors asked whether electric buses could be used on the longest routes, but the authority said charging points were not yet ready.",
    "The union representing drivers said it supported the extension as long as breaks and overtime rules were respected.",
    "In the neighbouring town, a similar scheme started two years ago now carries about 1,800 passengers each weekend night.",
    "Critics there say the buses are often late, while supporters point to a fall in the number of people driving after drinking.",
    "The council will publish the final timetable in February, and residents will be able to comment on it for six weeks.",
    "Researchers at the university said the results of the trial would be studied closely by other cities facing the same problem.",
    "Farmers in the valley have started harvesting earlier than usual after the warmest September since records began.",
    "The weather service said temperatures had been on average two degrees above normal, with very little rain in the last month.",
    "Water levels in the main reservoir have fallen to 41 percent, prompting the utility to ask households to save water where they can.",
    "A spokesperson for the utility said there were no plans for a hosepipe ban, but that the situation would be reviewed every week.",
    "Scientists warned that dry autumns were becoming more common and that farmers would need to adapt the crops they grow.",
    "Some vineyards reported their best grapes in a decade, while vegetable growers said the heat had damaged much of their crop.",
    "The agriculture ministry has promised emergency support for the worst-hit farms, though the details have yet to be announced.",
    "Fire crews were called to several grass fires over the weekend, none of which caused serious damage.",
]
DE = [
    "Der Stadtrat hat am Mittwoch beschlossen, die Öffnungszeiten der öffentlichen Bibliotheken ab dem kommenden Jahr deutlich zu verlängern.",
    "Künftig sollen die drei größten Häuser auch am Sonntag geöffnet sein, wie die Kulturdezernentin nach der Sitzung mitteilte.",
    "Für das zusätzliche Personal sind im Haushalt rund 900.000 Euro vorgesehen, die zum Teil aus Mitteln des Landes stammen.",
    "Die Opposition begrüßte den Beschluss grundsätzlich, kritisierte aber, dass die kleineren Stadtteilbibliotheken leer ausgehen.",
    "Nach einer Umfrage unter Nutzerinnen und Nutzern wünschen sich viele vor allem längere Öffnungszeiten am Abend.",
    "Studierende und Berufstätige hätten unter der Woche kaum Gelegenheit, die Angebote zu nutzen, hieß es in der Auswertung.",
    "Die Bibliotheken wollen die neuen Zeiten zunächst ein Jahr lang erproben und die Besucherzahlen genau beobachten.",
    "Sollte sich das Modell bewähren, könnte es auf weitere Standorte ausgeweitet werden, sagte die Dezernentin.",
]
FR = [
    "La municipalité a annoncé lundi la fermeture temporaire du pont principal, qui doit subir d'importants travaux de rénovation.",
    "Les travaux devraient durer environ huit mois, selon les services techniques, qui ont détecté des fissures lors d'une inspection récente.",
    "Une déviation sera mise en place par le nord de la ville, ce qui allongera les trajets de plusieurs minutes aux heures de pointe.",
    "Les commerçants du centre-ville craignent une baisse de fréquentation et demandent des mesures de soutien.",
    "La mairie a promis de renforcer les lignes de bus et de créer un parking relais gratuit à l'entrée de la ville.",
    "Le coût total du chantier est estimé à 12 millions d'euros, financés en partie par la région et par l'État.",
    "Les piétons et les cyclistes pourront continuer à emprunter une passerelle provisoire installée à côté de l'ouvrage.",
]
ES = [
    "El ayuntamiento aprobó este jueves un plan para plantar más de diez mil árboles en los barrios con menos zonas verdes.",
    "La medida busca reducir la temperatura en las calles durante el verano, cuando algunas zonas superan los cuarenta grados.",
    "Los vecinos podrán proponer ubicaciones a través de una aplicación municipal que estará disponible a partir de marzo.",
    "Según los técnicos, las especies elegidas necesitan poca agua y resisten bien las olas de calor cada vez más frecuentes.",
    "La oposición apoyó el plan, aunque pidió un calendario más claro y un presupuesto para el mantenimiento de los árboles.",
    "Las primeras plantaciones comenzarán en otoño en tres distritos del sur, donde la falta de sombra es más evidente.",
]
JA = [
    "市は水曜日、老朽化した市民プールを建て替える計画を発表した。新しい施設は二年後の夏に開業する予定だという。",
    "建設費はおよそ三十億円と見込まれ、国の補助金と市の積立金でまかなう。市長は記者会見で、子どもから高齢者まで使える施設にしたいと述べた。",
    "現在のプールは開業から四十年以上がたち、設備の故障が相次いでいた。昨年は三か月にわたって休業した。",
    "利用者からは、屋内の温水プールを求める声が多く寄せられていた。新施設では一年を通して泳げるようになる。",
    "工事の期間中は、近くの学校のプールを週末に市民へ開放することも検討している。",
]

def paras(bank, n, start=None):
    if start is None:
        start = rnd.randrange(len(bank))
    out = []
    for i in range(n):
        a = bank[(start + i) % len(bank)]
        b = bank[(start + i * 3 + 1) % len(bank)]
        out.append(a + " " + b if i % 3 == 0 else a)
    return out

def esc(s):
    return html.escape(s, quote=False)

NAV = '<nav class="main-nav"><ul>' + "".join(f'<li><a href="/{s.lower()}">{s}</a></li>' for s in
      ["Home", "News", "Politics", "Business", "Sport", "Culture", "Opinion", "Weather"]) + "</ul></nav>"
FOOTER = ('<footer class="site-footer"><p>&copy; 2026 The Riverside Courier. All rights reserved.</p>'
          '<ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li>'
          '<li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms of use</a></li></ul></footer>')
COOKIE = ('<div class="cookie-consent" role="dialog"><p>We use cookies to improve your experience and to show '
          'personalised advertising. By continuing to browse you agree to our use of cookies.</p>'
          '<button>Accept all</button><button>Settings</button></div>')
SCRIPTS = ('<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}'
           'gtag("js",new Date());if(a<b&&c>d){console.log("<p>not text</p>")}</script>'
           '<style>.story p{margin:0 0 1em}.ad-slot{min-height:250px}</style>')

def related(title="Related stories", n=6):
    items = "".join(f'<li><a href="/news/{i}">{esc(EN[(i * 5) % len(EN)][:60])}</a></li>' for i in range(n))
    return f'<div class="related-links"><h3>{title}</h3><ul>{items}</ul></div>'

def most_read():
    items = "".join(f'<li><a href="/top/{i}"><span class="rank">{i + 1}</span> {esc(EN[(i * 7 + 2) % len(EN)][:70])}</a></li>'
                    for i in range(5))
    return f'<aside class="most-read"><h3>Most read</h3><ol>{items}</ol></aside>'

def comments(n=4):
    c = "".join(f'<li class="comment"><div class="comment-author">reader{i}</div><div class="comment-body"><p>'
                f'{esc(EN[(i * 3 + 4) % len(EN)])} I think this is the right call.</p></div>'
                f'<a href="#reply" class="reply">Reply</a></li>' for i in range(n))
    return f'<section id="comments" class="comments"><h3>{n} comments</h3><ol class="comment-list">{c}</ol></section>'

def share():
    return ('<div class="share-tools"><a href="https://social.example/share?u=1">Share</a> '
            '<a href="https://mail.example/?u=1">Email</a> <a href="#print">Print</a></div>')

def head(title, meta, lang="en", extra=""):
    m = "".join(f'<meta {k}="{html.escape(n)}" content="{html.escape(v)}">' for k, n, v in meta)
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{esc(title)}</title>{m}'
            f'<link rel="stylesheet" href="/site.css">{extra}</head>')

def ptags(ps):
    return "".join(f"<p>{esc(p)}</p>" for p in ps)

pages = {}

def add(name, source, expected_html, meta):
    pages[name] = (source, expected_html, meta)

# 1. semantic article tag, header, nav, aside, footer, cookie banner, scripts
ps = paras(EN, 9, 0)
t = "Night buses to reach outer districts from spring"
add("article-tag-sidebar", head(t + " | The Riverside Courier", [("property", "og:title", t),
    ("property", "og:site_name", "The Riverside Courier"), ("name", "author", "Maria Lindqvist"),
    ("property", "article:published_time", "2026-03-03T08:15:00Z")]) + "<body>" + COOKIE + SCRIPTS +
    '<header class="masthead"><a class="logo" href="/">The Riverside Courier</a>' + NAV + "</header>"
    '<main><article class="story"><h1>' + esc(t) + '</h1><p class="byline">By Maria Lindqvist</p>'
    '<time datetime="2026-03-03T08:15:00Z">3 March 2026</time>' + share() + ptags(ps) + "</article>"
    + most_read() + "</main>" + related() + FOOTER + "</body></html>",
    ptags(ps), {"title": t, "byline": "Maria Lindqvist", "siteName": "The Riverside Courier",
                "publishedTime": "2026-03-03T08:15:00Z"})

# 2. div soup with comments and related links
ps = paras(EN, 7, 16)
t = "Warm September brings early harvest and low reservoirs"
add("div-soup-comments", head(t + " - Valley Gazette", [("name", "description", "An early harvest."),
    ("property", "og:site_name", "Valley Gazette")]) + '<body><div id="wrap"><div class="top">'
    '<div class="logo"><a href="/">Valley Gazette</a></div><div class="menu"><a href="/">Home</a> | <a href="/local">Local</a>'
    ' | <a href="/farming">Farming</a> | <a href="/weather">Weather</a></div></div>'
    '<div class="cols"><div class="col-left"><div class="story-head"><div class="headline">' + esc(t) + '</div>'
    '<div class="author-line">Tom Baker, agriculture correspondent</div></div><div class="story-body">'
    + "".join(f'<div class="para">{esc(p)}</div>' for p in ps) + '</div>' + comments(5) + '</div>'
    '<div class="col-right sidebar">' + related("More from Farming", 8) + '<div class="ad-slot">Advertisement</div></div>'
    '</div><div class="bottom">Valley Gazette, 12 Mill Lane. <a href="/contact">Contact</a></div></div></body></html>',
    ptags(ps), {"title": t, "byline": "Tom Baker, agriculture correspondent", "siteName": "Valley Gazette",
                "publishedTime": None})

# 3. main text split into sibling divs, with ads and a figure between them
ps = paras(EN, 10, 4)
t = "What the bus vote means for late-shift workers"
blocks = []
for i in range(0, 10, 3):
    blocks.append('<div class="text-block">' + ptags(ps[i:i + 3]) + "</div>")
    blocks.append('<div class="ad-container"><div class="ad-label">Advertisement</div><iframe src="https://ads.example/x"></iframe></div>')
fig = ('<figure><img src="/img/bus.jpg" alt=""><figcaption>A night bus at the central station on Monday.</figcaption></figure>')
add("split-sibling-divs", head(t, [("property", "og:title", t), ("property", "og:site_name", "Metro Daily"),
    ("name", "author", "Priya Natarajan")]) + '<body>' + NAV + '<div class="page"><div class="article-wrapper">'
    '<h1 class="title">' + esc(t) + '</h1>' + blocks[0] + blocks[1] + fig + "".join(blocks[2:]) +
    '</div>' + related() + '</div>' + FOOTER + '</body></html>',
    ptags(ps[:3]) + "<figure><figcaption>A night bus at the central station on Monday.</figcaption></figure>" + ptags(ps[3:]),
    {"title": t, "byline": "Priya Natarajan", "siteName": "Metro Daily", "publishedTime": None})

# 4. data table and figure captions
ps = paras(EN, 6, 8)
t = "Night bus trial: passenger numbers by route"
rows = [("Route", "Weekend nights", "Passengers"), ("N1 North", "52", "14,300"), ("N2 East", "52", "9,850"),
        ("N3 Harbour", "26", "3,120"), ("N4 Airport", "52", "21,400")]
table = ("<table><caption>Passengers in the first year</caption>" + "<tr>" + "".join(f"<th>{c}</th>" for c in rows[0])
         + "</tr>" + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows[1:]) + "</table>")
cap = "<figure><img src='/m.png'><figcaption>Map of the four night routes. Illustration: Courier graphics.</figcaption></figure>"
add("data-table-figure", head(t + " | City Transport Review", [("property", "og:site_name", "City Transport Review")])
    + '<body><header>' + NAV + '</header><div id="content"><div class="post">'
    '<h1>' + esc(t) + '</h1><div class="entry-content">' + ptags(ps[:3]) + cap + table + ptags(ps[3:]) +
    '</div><div class="tags">Tags: <a href="/t/bus">bus</a> <a href="/t/night">night</a> <a href="/t/city">city</a></div>'
    '</div></div>' + FOOTER + '</body></html>',
    ptags(ps[:3]) + "<figure><figcaption>Map of the four night routes. Illustration: Courier graphics.</figcaption></figure>"
    + table + ptags(ps[3:]),
    {"title": t, "byline": None, "siteName": "City Transport Review", "publishedTime": None})

# 5. paywall teaser
ps = paras(EN, 3, 12)
t = "Neighbouring town reviews its night bus scheme"
add("paywall-teaser", head(t + " | The Ledger", [("property", "og:title", t), ("property", "og:site_name", "The Ledger"),
    ("name", "author", "Sam Okafor"), ("property", "article:published_time", "2026-01-20T17:00:00+01:00")]) +
    '<body>' + NAV + '<article><h1>' + esc(t) + '</h1><div class="article-body">' + ptags(ps) + '</div>'
    '<div class="paywall-prompt"><h3>Subscribe to keep reading</h3><p>Get unlimited access for 1 euro a week.</p>'
    '<a class="btn" href="/subscribe">Subscribe now</a> <a href="/login">Log in</a></div></article>' + related() +
    FOOTER + '</body></html>', ptags(ps),
    {"title": t, "byline": "Sam Okafor", "siteName": "The Ledger", "publishedTime": "2026-01-20T17:00:00+01:00"})

# 6. German page
ps = paras(DE, 8, 0)
t = "Bibliotheken sollen künftig auch sonntags öffnen"
add("german-library", head(t + " | Stadtanzeiger", [("property", "og:title", t), ("property", "og:site_name", "Stadtanzeiger"),
    ("name", "author", "Jana Vogel"), ("property", "article:published_time", "2026-02-11")], lang="de") +
    '<body><div class="cookie-hinweis">Diese Website verwendet Cookies. <a href="/datenschutz">Mehr erfahren</a> <button>OK</button></div>'
    '<header><nav><a href="/">Startseite</a> <a href="/lokales">Lokales</a> <a href="/kultur">Kultur</a> <a href="/sport">Sport</a></nav></header>'
    '<main><article><header><h1>' + esc(t) + '</h1><p class="autor">Von Jana Vogel</p></header>' + ptags(ps) +
    '</article><aside><h2>Auch interessant</h2><ul><li><a href="/a">Neue Radwege in der Innenstadt</a></li>'
    '<li><a href="/b">Hallenbad schließt für Sanierung</a></li><li><a href="/c">Wochenmarkt zieht um</a></li></ul></aside></main>'
    '<footer>Impressum · Datenschutz · Kontakt</footer></body></html>', ptags(ps),
    {"title": t, "byline": "Jana Vogel", "siteName": "Stadtanzeiger", "publishedTime": "2026-02-11"})

# 7. French page with JSON-LD in body
ps = paras(FR, 7, 0)
t = "Le pont principal fermé pendant huit mois"
ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": t,
                 "author": {"@type": "Person", "name": "Claire Dubois"}, "datePublished": "2026-04-06T09:30:00+02:00",
                 "publisher": {"@type": "Organization", "name": "Le Courrier du Fleuve"}}, ensure_ascii=False)
add("french-jsonld-body", head(t + " - Le Courrier du Fleuve", [("name", "description", "Travaux sur le pont.")], lang="fr") +
    '<body><div class="bandeau-cookies">Nous utilisons des cookies. <button>Accepter</button></div>'
    '<div class="menu-principal"><a href="/">Accueil</a> <a href="/region">Région</a> <a href="/economie">Économie</a></div>'
    '<script type="application/ld+json">' + ld + '</script><div class="contenu"><h1>' + esc(t) + '</h1>'
    '<div class="signature">Par Claire Dubois</div><div class="texte">' + ptags(ps) + '</div>'
    '<div class="partage"><a href="#">Partager</a> <a href="#">Imprimer</a></div></div>'
    '<div class="pied">Mentions légales</div></body></html>', ptags(ps),
    {"title": t, "byline": "Claire Dubois", "siteName": "Le Courrier du Fleuve", "publishedTime": "2026-04-06T09:30:00+02:00"})

# 8. very long article with subheads and a widget
ps = paras(EN, 40, 2)
t = "A year of night buses: the full story of a long campaign"
body = ""
exp = ""
for i in range(0, 40, 8):
    h = f"Part {i // 8 + 1}: what changed"
    body += f"<h2>{h}</h2>" + ptags(ps[i:i + 8])
    exp += f"<h2>{h}</h2>" + ptags(ps[i:i + 8])
    if i == 16:
        body += '<div class="newsletter-signup"><h3>Get our morning briefing</h3><form><input type="email"><button>Sign up</button></form></div>'
add("very-long-subheads", head(t, [("property", "og:title", t), ("property", "og:site_name", "The Riverside Courier"),
    ("name", "author", "Maria Lindqvist")]) + '<body>' + SCRIPTS + NAV + '<div class="layout"><div class="main-column">'
    '<article class="longform"><h1>' + esc(t) + '</h1>' + body + '</article></div><div class="side-column">' + most_read()
    + related("Read next", 10) + '</div></div>' + FOOTER + '</body></html>', exp,
    {"title": t, "byline": "Maria Lindqvist", "siteName": "The Riverside Courier", "publishedTime": None})

# 9. very short brief
ps = [EN[16], EN[19]]
t = "Early harvest in the valley"
add("short-brief", head(t + " | Valley Gazette", [("property", "og:site_name", "Valley Gazette")]) +
    '<body>' + NAV + '<div class="brief"><h1>' + esc(t) + '</h1>' + ptags(ps) + '</div>' + related("Latest news", 5)
    + FOOTER + '</body></html>', ptags(ps),
    {"title": t, "byline": None, "siteName": "Valley Gazette", "publishedTime": None})

# 10. live blog of timestamped updates
ps = paras(EN, 8, 5)
t = "Live: council debates the night bus plan"
upd = "".join(f'<div class="live-update"><time>{18 + i // 4}:{(i * 7) % 60:02d}</time><p>{esc(p)}</p></div>'
              for i, p in enumerate(ps))
add("live-blog", head(t, [("property", "og:title", t), ("property", "og:site_name", "Metro Daily")]) +
    '<body>' + NAV + '<div class="live-blog-container"><h1>' + esc(t) + '</h1><div class="live-feed">' + upd +
    '</div></div>' + comments(3) + FOOTER + '</body></html>',
    "".join(f"<p>{18 + i // 4}:{(i * 7) % 60:02d}</p><p>{esc(p)}</p>" for i, p in enumerate(ps)),
    {"title": t, "byline": None, "siteName": "Metro Daily", "publishedTime": None})

# 11. Spanish page with breadcrumbs, share, tags and newsletter form
ps = paras(ES, 6, 0)
t = "La ciudad plantará diez mil árboles en los barrios con menos sombra"
add("spanish-breadcrumbs", head(t + " | Diario del Sur", [("property", "og:title", t), ("property", "og:site_name", "Diario del Sur"),
    ("name", "author", "Lucía Romero")], lang="es") + '<body><header><nav class="breadcrumbs"><a href="/">Inicio</a> › '
    '<a href="/ciudad">Ciudad</a> › <a href="/medio-ambiente">Medio ambiente</a></nav></header>'
    '<div class="noticia"><h1>' + esc(t) + '</h1><div class="compartir social"><a href="#">Facebook</a> <a href="#">X</a> '
    '<a href="#">WhatsApp</a></div><div class="cuerpo">' + ptags(ps) + '</div><div class="etiquetas">'
    '<a href="/t/arboles">árboles</a> <a href="/t/calor">calor</a></div><form class="boletin"><p>Recibe nuestro boletín</p>'
    '<input type="email"><button>Suscribirme</button></form></div>' + FOOTER + '</body></html>', ptags(ps),
    {"title": t, "byline": "Lucía Romero", "siteName": "Diario del Sur", "publishedTime": None})

# 12. Japanese page
ps = JA
t = "市民プール、二年後に建て替え"
add("japanese-cjk", head(t + "｜みなと新聞", [("property", "og:title", t), ("property", "og:site_name", "みなと新聞")], lang="ja") +
    '<body><div class="header"><ul class="global-nav"><li><a href="/">トップ</a></li><li><a href="/local">地域</a></li>'
    '<li><a href="/sports">スポーツ</a></li></ul></div><div class="main"><div class="article"><h1>' + esc(t) + '</h1>'
    '<div class="article-body">' + ptags(ps) + '</div></div><div class="ranking"><h2>アクセスランキング</h2><ol>'
    '<li><a href="/1">駅前に新しい図書館</a></li><li><a href="/2">台風の影響で休校</a></li><li><a href="/3">夏祭りの日程決まる</a></li></ol></div>'
    '</div><div class="footer">みなと新聞社</div></body></html>', ptags(ps),
    {"title": t, "byline": None, "siteName": "みなと新聞", "publishedTime": None})

# 13. old CMS: paragraphs separated by <br><br> in one cell of a layout table
ps = paras(EN, 6, 20)
t = "Grass fires kept crews busy over the weekend"
add("old-cms-br-table", head(t + " :: Hill County News", []) + '<body><table width="100%"><tr><td class="leftnav">'
    '<a href="/">Home</a><br><a href="/news">News</a><br><a href="/sports">Sports</a><br><a href="/obits">Obituaries</a></td>'
    '<td class="main"><font size="4"><b>' + esc(t) + '</b></font><br><br>' + "<br><br>".join(esc(p) for p in ps) +
    '</td><td class="rightcol"><b>Classifieds</b><br><a href="/c/1">Cars</a><br><a href="/c/2">Homes</a><br><a href="/c/3">Jobs</a></td>'
    '</tr></table><center>Hill County News &middot; <a href="/contact">Contact</a></center></body></html>',
    "<p>" + esc(t) + "</p>" + ptags(ps),
    {"title": t, "byline": None, "siteName": None, "publishedTime": None})

# 14. author bio box and comments after the article
ps = paras(EN, 8, 9)
t = "Drivers' union backs the night network, with conditions"
add("author-bio-comments", head(t + " | Metro Daily", [("property", "og:site_name", "Metro Daily"),
    ("name", "author", "Priya Natarajan"), ("property", "article:published_time", "2026-03-05T12:00:00Z")]) +
    '<body>' + NAV + '<div id="main"><div class="post-content"><h1 class="entry-title">' + esc(t) + '</h1>'
    '<span class="byline author vcard">Priya Natarajan</span>' + ptags(ps) + '</div>'
    '<div class="author-bio"><img src="/p.jpg"><p>Priya Natarajan covers transport and city hall. '
    '<a href="/authors/pn">More by Priya</a> <a href="https://social.example/pn">Follow</a></p></div>'
    + comments(6) + '</div>' + FOOTER + '</body></html>', ptags(ps),
    {"title": t, "byline": "Priya Natarajan", "siteName": "Metro Daily", "publishedTime": "2026-03-05T12:00:00Z"})

here = os.path.dirname(os.path.abspath(__file__))
for name, (source, expected, meta) in pages.items():
    d = os.path.join(here, name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "source.html"), "w", encoding="utf-8") as f:
        f.write(source + "\n")
    with open(os.path.join(d, "expected.html"), "w", encoding="utf-8") as f:
        f.write(expected + "\n")
    with open(os.path.join(d, "expected-metadata.json"), "w", encoding="utf-8") as f:
        json.dump(meta, f, ensure_ascii=False, indent=2)
        f.write("\n")
print(len(pages), "pages")
