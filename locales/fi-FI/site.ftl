# Sivuston käyttöliittymäteksti (suomi).
language-name = Suomi
site-title = Dokumentaatio
choose-language = Valitse kieli
benefit = Etu
articles = Artikkelit
on-this-page = Tässä artikkelissa
language = Kieli
languages = Muut kielet
skip-to-content = Siirry pääsisältöön
note-note = Huomautus
note-tip = Vihje
note-important = Tärkeä
note-warning = Varoitus
note-caution = Huomio
mt-notice = Tämä sivu on konekäännetty. Näet englanninkielisen alkutekstin viemällä osoittimen virkkeen päälle tai siirtämällä kohdistuksen siihen.
outdated-banner = Tämä käännös on tehty englanninkielisen artikkelin vanhemmasta versiosta.
read-english = Lue ajantasainen englanninkielinen versio
handoff-date = Luovutettu käännettäväksi { $date }
view-label = Näkymä
view-translation = Käännös
view-side-by-side = Rinnakkain
english-original = Englanninkielinen alkuteksti
review = Tarkistus
review-title = Tarkistus: { $title }
status-title = Käännöksen tila
segment-id = Tunnus
source-text = Englanti
target-text = Käännös
findings = Havainnot
filter-by-code = Suodata koodin mukaan
all-codes = Kaikki koodit
no-findings = Ei havaintoja
article = Artikkeli
translation-type = Käännöksen tyyppi
stale = Vanhentunut
yes = Kyllä
no = Ei
machine = Konekäännös
human = Ihmiskäännös
counts-by-code = Havainnot koodeittain
code = Koodi
count = Määrä
broken-link-title = Tämä linkki osoittaa artikkeliin, jota ei ole olemassa
missing-image = Kuva ei ole käytettävissä
applies-to = Koskee:
segments-count = { $count ->
    [one] { $count } segmentti
   *[other] { $count } segmenttiä
}
articles-count = { $count ->
    [one] { $count } artikkeli
   *[other] { $count } artikkelia
}
incidents-count = { $count ->
    [one] { $count } tapaus
   *[other] { $count } tapausta
}
