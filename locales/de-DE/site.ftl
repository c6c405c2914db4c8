# Oberflächentext der Website (Deutsch).
language-name = Deutsch
site-title = Dokumentation
choose-language = Sprache auswählen
benefit = Vorteil
articles = Artikel
on-this-page = In diesem Artikel
language = Sprache
languages = Weitere Sprachen
skip-to-content = Zum Hauptinhalt wechseln
note-note = Hinweis
note-tip = Tipp
note-important = Wichtig
note-warning = Warnung
note-caution = Achtung
mt-notice = Diese Seite wurde maschinell übersetzt. Zeigen Sie auf einen Satz, oder setzen Sie den Fokus darauf, um das englische Original anzuzeigen.
outdated-banner = Diese Übersetzung basiert auf einer älteren Version des englischen Artikels.
read-english = Aktuelle englische Version lesen
handoff-date = Am { $date } zur Übersetzung übergeben
view-label = Ansicht
view-translation = Übersetzung
view-side-by-side = Nebeneinander
english-original = Englisches Original
review = Überprüfung
review-title = Überprüfung: { $title }
status-title = Übersetzungsstatus
segment-id = ID
source-text = Englisch
target-text = Übersetzung
findings = Befunde
filter-by-code = Nach Code filtern
all-codes = Alle Codes
no-findings = Keine Befunde
article = Artikel
translation-type = Übersetzungsart
stale = Veraltet
yes = Ja
no = Nein
machine = Maschinell
human = Menschlich
counts-by-code = Befunde nach Code
code = Code
count = Anzahl
broken-link-title = Dieser Link verweist auf einen Artikel, der nicht existiert
missing-image = Bild nicht verfügbar
applies-to = Gilt für:
segments-count = { $count ->
    [one] { $count } Segment
   *[other] { $count } Segmente
}
articles-count = { $count ->
    [one] { $count } Artikel
   *[other] { $count } Artikel
}
incidents-count = { $count ->
    [one] { $count } Vorfall
   *[other] { $count } Vorfälle
}
