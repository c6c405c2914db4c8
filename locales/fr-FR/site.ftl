# Texte de l'interface du site (français).
language-name = Français
site-title = Documentation
choose-language = Choisir une langue
benefit = Avantage
articles = Articles
on-this-page = Dans cet article
language = Langue
languages = Autres langues
skip-to-content = Passer au contenu principal
note-note = Remarque
note-tip = Conseil
note-important = Important
note-warning = Avertissement
note-caution = Attention
mt-notice = Cette page a été traduite automatiquement. Pointez sur une phrase ou placez-y le focus pour afficher l'original en anglais.
outdated-banner = Cette traduction a été réalisée à partir d'une version antérieure de l'article en anglais.
read-english = Lire la version anglaise actuelle
handoff-date = Transmis pour traduction le { $date }
view-label = Affichage
view-translation = Traduction
view-side-by-side = Côte à côte
english-original = Original en anglais
review = Révision
review-title = Révision : { $title }
status-title = État de la traduction
segment-id = ID
source-text = Anglais
target-text = Traduction
findings = Constats
filter-by-code = Filtrer par code
all-codes = Tous les codes
no-findings = Aucun constat
article = Article
translation-type = Type de traduction
stale = Obsolète
yes = Oui
no = Non
machine = Automatique
human = Humaine
counts-by-code = Constats par code
code = Code
count = Nombre
broken-link-title = Ce lien pointe vers un article qui n'existe pas
missing-image = Image non disponible
applies-to = S’applique à :
segments-count = { $count ->
    [one] { $count } segment
   *[other] { $count } segments
}
articles-count = { $count ->
    [one] { $count } article
   *[other] { $count } articles
}
incidents-count = { $count ->
    [one] { $count } incident
   *[other] { $count } incidents
}
