# Tekst interfejsu witryny (polski).
language-name = Polski
site-title = Dokumentacja
choose-language = Wybierz język
benefit = Korzyść
articles = Artykuły
on-this-page = W tym artykule
language = Język
languages = Inne języki
skip-to-content = Przejdź do głównej zawartości
note-note = Uwaga
note-tip = Porada
note-important = Ważne
note-warning = Ostrzeżenie
note-caution = Przestroga
mt-notice = Ta strona została przetłumaczona maszynowo. Umieść wskaźnik myszy na zdaniu lub ustaw na nim fokus, aby zobaczyć oryginał w języku angielskim.
outdated-banner = To tłumaczenie zostało wykonane na podstawie starszej wersji angielskiego artykułu.
read-english = Przeczytaj aktualną wersję angielską
handoff-date = Przekazano do tłumaczenia { $date }
view-label = Widok
view-translation = Tłumaczenie
view-side-by-side = Obok siebie
english-original = Oryginał angielski
review = Przegląd
review-title = Przegląd: { $title }
status-title = Stan tłumaczenia
segment-id = Identyfikator
source-text = Angielski
target-text = Tłumaczenie
findings = Uwagi
filter-by-code = Filtruj według kodu
all-codes = Wszystkie kody
no-findings = Brak uwag
article = Artykuł
translation-type = Typ tłumaczenia
stale = Nieaktualne
yes = Tak
no = Nie
machine = Maszynowe
human = Ludzkie
counts-by-code = Uwagi według kodu
code = Kod
count = Liczba
broken-link-title = Ten link prowadzi do artykułu, który nie istnieje
missing-image = Obraz niedostępny
applies-to = Dotyczy:
segments-count = { $count ->
    [one] { $count } segment
    [few] { $count } segmenty
    [many] { $count } segmentów
   *[other] { $count } segmentu
}
articles-count = { $count ->
    [one] { $count } artykuł
    [few] { $count } artykuły
    [many] { $count } artykułów
   *[other] { $count } artykułu
}
incidents-count = { $count ->
    [one] { $count } incydent
    [few] { $count } incydenty
    [many] { $count } incydentów
   *[other] { $count } incydentu
}
