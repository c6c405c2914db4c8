# Testo dell'interfaccia del sito (italiano).
language-name = Italiano
site-title = Documentazione
choose-language = Scegliere una lingua
benefit = Vantaggio
articles = Articoli
on-this-page = In questo articolo
language = Lingua
languages = Altre lingue
skip-to-content = Passa al contenuto principale
note-note = Nota
note-tip = Suggerimento
note-important = Importante
note-warning = Avviso
note-caution = Attenzione
mt-notice = Questa pagina è stata tradotta automaticamente. Passare il puntatore su una frase o spostarvi lo stato attivo per visualizzare l'originale in inglese.
outdated-banner = Questa traduzione è stata eseguita a partire da una versione precedente dell'articolo in inglese.
read-english = Leggere la versione inglese aggiornata
handoff-date = Consegnato per la traduzione il { $date }
view-label = Visualizzazione
view-translation = Traduzione
view-side-by-side = Affiancata
english-original = Originale in inglese
review = Revisione
review-title = Revisione: { $title }
status-title = Stato della traduzione
segment-id = ID
source-text = Inglese
target-text = Traduzione
findings = Segnalazioni
filter-by-code = Filtra per codice
all-codes = Tutti i codici
no-findings = Nessuna segnalazione
article = Articolo
translation-type = Tipo di traduzione
stale = Obsoleta
yes = Sì
no = No
machine = Automatica
human = Umana
counts-by-code = Segnalazioni per codice
code = Codice
count = Conteggio
broken-link-title = Questo collegamento punta a un articolo che non esiste
missing-image = Immagine non disponibile
applies-to = Si applica a:
segments-count = { $count ->
    [one] { $count } segmento
   *[other] { $count } segmenti
}
articles-count = { $count ->
    [one] { $count } articolo
   *[other] { $count } articoli
}
incidents-count = { $count ->
    [one] { $count } incidente
   *[other] { $count } incidenti
}
