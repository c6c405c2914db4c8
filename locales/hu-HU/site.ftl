# A webhely felületi szövegei (magyar).
language-name = Magyar
site-title = Dokumentáció
choose-language = Válasszon nyelvet
benefit = Előny
articles = Cikkek
on-this-page = Ezen a lapon
language = Nyelv
languages = További nyelvek
skip-to-content = Ugrás a tartalomra
note-note = Megjegyzés
note-tip = Tipp
note-important = Fontos
note-warning = Figyelmeztetés
note-caution = Vigyázat
mt-notice = Ezt a lapot gépi fordítással készítettük. Vigye az egérmutatót egy mondatra, vagy helyezze rá a fókuszt az angol eredeti megtekintéséhez.
outdated-banner = Ez a fordítás az angol cikk egy régebbi változatán alapul.
read-english = Az aktuális angol változat olvasása
handoff-date = Fordításra átadva: { $date }
view-label = Nézet
view-translation = Fordítás
view-side-by-side = Egymás mellett
english-original = Angol eredeti
review = Ellenőrzés
review-title = Ellenőrzés: { $title }
status-title = Fordítási állapot
segment-id = Azonosító
source-text = Angol
target-text = Fordítás
findings = Észrevételek
filter-by-code = Szűrés kód szerint
all-codes = Minden kód
no-findings = Nincs észrevétel
article = Cikk
translation-type = Fordítás típusa
stale = Elavult
yes = Igen
no = Nem
machine = Gépi
human = Emberi
counts-by-code = Észrevételek kód szerint
code = Kód
count = Darab
broken-link-title = Ez a hivatkozás nem létező cikkre mutat
missing-image = A kép nem érhető el
applies-to = A következőkre vonatkozik:
segments-count = { $count ->
    [one] { $count } szegmens
   *[other] { $count } szegmens
}
articles-count = { $count ->
    [one] { $count } cikk
   *[other] { $count } cikk
}
incidents-count = { $count ->
    [one] { $count } incidens
   *[other] { $count } incidens
}
