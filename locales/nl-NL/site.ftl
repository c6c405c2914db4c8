# Interfacetekst van de site (Nederlands).
language-name = Nederlands
site-title = Documentatie
choose-language = Kies een taal
benefit = Voordeel
articles = Artikelen
on-this-page = In dit artikel
language = Taal
languages = Andere talen
skip-to-content = Overslaan en naar de hoofdinhoud gaan
note-note = Notitie
note-tip = Tip
note-important = Belangrijk
note-warning = Waarschuwing
note-caution = Let op
mt-notice = Deze pagina is automatisch vertaald. Beweeg de aanwijzer over een zin of geef deze de focus om het Engelse origineel te zien.
outdated-banner = Deze vertaling is gemaakt op basis van een oudere versie van het Engelse artikel.
read-english = De actuele Engelse versie lezen
handoff-date = Op { $date } aangeboden voor vertaling
view-label = Weergave
view-translation = Vertaling
view-side-by-side = Naast elkaar
english-original = Engels origineel
review = Beoordeling
review-title = Beoordeling: { $title }
status-title = Vertaalstatus
segment-id = Id
source-text = Engels
target-text = Vertaling
findings = Bevindingen
filter-by-code = Filteren op code
all-codes = Alle codes
no-findings = Geen bevindingen
article = Artikel
translation-type = Type vertaling
stale = Verouderd
yes = Ja
no = Nee
machine = Machinaal
human = Menselijk
counts-by-code = Bevindingen per code
code = Code
count = Aantal
broken-link-title = Deze koppeling verwijst naar een artikel dat niet bestaat
missing-image = Afbeelding niet beschikbaar
applies-to = Van toepassing op:
segments-count = { $count ->
    [one] { $count } segment
   *[other] { $count } segmenten
}
articles-count = { $count ->
    [one] { $count } artikel
   *[other] { $count } artikelen
}
incidents-count = { $count ->
    [one] { $count } incident
   *[other] { $count } incidenten
}
