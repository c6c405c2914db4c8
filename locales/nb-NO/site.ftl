# Grensesnittekst for nettstedet (norsk bokmål).
language-name = Norsk bokmål
site-title = Dokumentasjon
choose-language = Velg et språk
benefit = Fordel
articles = Artikler
on-this-page = I denne artikkelen
language = Språk
languages = Andre språk
skip-to-content = Gå til hovedinnhold
note-note = Merknad
note-tip = Tips
note-important = Viktig
note-warning = Advarsel
note-caution = Forsiktig
mt-notice = Denne siden er maskinoversatt. Hold pekeren over en setning eller gi den fokus for å se den engelske originalen.
outdated-banner = Denne oversettelsen ble laget fra en eldre versjon av den engelske artikkelen.
read-english = Les den gjeldende engelske versjonen
handoff-date = Overlevert til oversettelse { $date }
view-label = Visning
view-translation = Oversettelse
view-side-by-side = Side ved side
english-original = Engelsk original
review = Gjennomgang
review-title = Gjennomgang: { $title }
status-title = Oversettelsesstatus
segment-id = ID
source-text = Engelsk
target-text = Oversettelse
findings = Funn
filter-by-code = Filtrer etter kode
all-codes = Alle koder
no-findings = Ingen funn
article = Artikkel
translation-type = Oversettelsestype
stale = Utdatert
yes = Ja
no = Nei
machine = Maskinell
human = Menneskelig
counts-by-code = Funn etter kode
code = Kode
count = Antall
broken-link-title = Denne koblingen peker til en artikkel som ikke finnes
missing-image = Bildet er ikke tilgjengelig
applies-to = Gjelder for:
segments-count = { $count ->
    [one] { $count } segment
   *[other] { $count } segmenter
}
articles-count = { $count ->
    [one] { $count } artikkel
   *[other] { $count } artikler
}
incidents-count = { $count ->
    [one] { $count } hendelse
   *[other] { $count } hendelser
}
