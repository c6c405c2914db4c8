# Text rozhraní webu (čeština).
language-name = Čeština
site-title = Dokumentace
choose-language = Vyberte jazyk
benefit = Výhoda
articles = Články
on-this-page = V tomto článku
language = Jazyk
languages = Další jazyky
skip-to-content = Přeskočit na hlavní obsah
note-note = Poznámka
note-tip = Tip
note-important = Důležité
note-warning = Upozornění
note-caution = Výstraha
mt-notice = Tato stránka byla přeložena strojově. Anglický originál zobrazíte tak, že na větu najedete ukazatelem myši nebo na ni přesunete fokus.
outdated-banner = Tento překlad vychází ze starší verze anglického článku.
read-english = Přečíst aktuální anglickou verzi
handoff-date = Předáno k překladu { $date }
view-label = Zobrazení
view-translation = Překlad
view-side-by-side = Vedle sebe
english-original = Anglický originál
review = Kontrola
review-title = Kontrola: { $title }
status-title = Stav překladu
segment-id = ID
source-text = Angličtina
target-text = Překlad
findings = Zjištění
filter-by-code = Filtrovat podle kódu
all-codes = Všechny kódy
no-findings = Žádná zjištění
article = Článek
translation-type = Typ překladu
stale = Zastaralý
yes = Ano
no = Ne
machine = Strojový
human = Lidský
counts-by-code = Zjištění podle kódu
code = Kód
count = Počet
broken-link-title = Tento odkaz vede na článek, který neexistuje
missing-image = Obrázek není k dispozici
applies-to = Platí pro:
segments-count = { $count ->
    [one] { $count } segment
    [few] { $count } segmenty
    [many] { $count } segmentu
   *[other] { $count } segmentů
}
articles-count = { $count ->
    [one] { $count } článek
    [few] { $count } články
    [many] { $count } článku
   *[other] { $count } článků
}
incidents-count = { $count ->
    [one] { $count } incident
    [few] { $count } incidenty
    [many] { $count } incidentu
   *[other] { $count } incidentů
}
