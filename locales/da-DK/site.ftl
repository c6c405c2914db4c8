# Webstedets grænsefladetekst (dansk).
language-name = Dansk
site-title = Dokumentation
choose-language = Vælg et sprog
benefit = Fordel
articles = Artikler
on-this-page = I denne artikel
language = Sprog
languages = Andre sprog
skip-to-content = Spring til hovedindhold
note-note = Bemærk
note-tip = Tip
note-important = Vigtigt
note-warning = Advarsel
note-caution = Forsigtig
mt-notice = Denne side er maskinoversat. Hold markøren over en sætning, eller giv den fokus for at se den engelske original.
outdated-banner = Denne oversættelse er lavet ud fra en ældre version af den engelske artikel.
read-english = Læs den aktuelle engelske version
handoff-date = Overdraget til oversættelse den { $date }
view-label = Visning
view-translation = Oversættelse
view-side-by-side = Side om side
english-original = Engelsk original
review = Gennemgang
review-title = Gennemgang: { $title }
status-title = Oversættelsesstatus
segment-id = Id
source-text = Engelsk
target-text = Oversættelse
findings = Fund
filter-by-code = Filtrer efter kode
all-codes = Alle koder
no-findings = Ingen fund
article = Artikel
translation-type = Oversættelsestype
stale = Forældet
yes = Ja
no = Nej
machine = Maskinel
human = Menneskelig
counts-by-code = Fund efter kode
code = Kode
count = Antal
broken-link-title = Dette link peger på en artikel, der ikke findes
missing-image = Billedet er ikke tilgængeligt
applies-to = Gælder for:
segments-count = { $count ->
    [one] { $count } segment
   *[other] { $count } segmenter
}
articles-count = { $count ->
    [one] { $count } artikel
   *[other] { $count } artikler
}
incidents-count = { $count ->
    [one] { $count } hændelse
   *[other] { $count } hændelser
}
