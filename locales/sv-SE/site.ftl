# Webbplatsens gränssnittstext (svenska).
language-name = Svenska
site-title = Dokumentation
choose-language = Välj ett språk
benefit = Förmån
articles = Artiklar
on-this-page = I den här artikeln
language = Språk
languages = Andra språk
skip-to-content = Hoppa till huvudinnehåll
note-note = Anteckning
note-tip = Tips
note-important = Viktigt
note-warning = Varning
note-caution = Försiktighet
mt-notice = Den här sidan har maskinöversatts. Hovra över en mening eller flytta fokus till den för att se det engelska originalet.
outdated-banner = Den här översättningen gjordes från en äldre version av den engelska artikeln.
read-english = Läs den aktuella engelska versionen
handoff-date = Överlämnad för översättning { $date }
view-label = Visning
view-translation = Översättning
view-side-by-side = Sida vid sida
english-original = Engelskt original
review = Granskning
review-title = Granskning: { $title }
status-title = Översättningsstatus
segment-id = ID
source-text = Engelska
target-text = Översättning
findings = Anmärkningar
filter-by-code = Filtrera efter kod
all-codes = Alla koder
no-findings = Inga anmärkningar
article = Artikel
translation-type = Översättningstyp
stale = Inaktuell
yes = Ja
no = Nej
machine = Maskinell
human = Mänsklig
counts-by-code = Anmärkningar per kod
code = Kod
count = Antal
broken-link-title = Den här länken pekar på en artikel som inte finns
missing-image = Bilden är inte tillgänglig
applies-to = Gäller för:
segments-count = { $count ->
    [one] { $count } segment
   *[other] { $count } segment
}
articles-count = { $count ->
    [one] { $count } artikel
   *[other] { $count } artiklar
}
incidents-count = { $count ->
    [one] { $count } incident
   *[other] { $count } incidenter
}
