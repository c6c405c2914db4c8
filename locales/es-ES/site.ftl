# Texto de la interfaz del sitio (español).
language-name = Español
site-title = Documentación
choose-language = Elegir un idioma
benefit = Ventaja
articles = Artículos
on-this-page = En este artículo
language = Idioma
languages = Otros idiomas
skip-to-content = Ir al contenido principal
note-note = Nota
note-tip = Sugerencia
note-important = Importante
note-warning = Advertencia
note-caution = Precaución
mt-notice = Esta página se ha traducido automáticamente. Mantenga el puntero sobre una frase o ponga el foco en ella para ver el original en inglés.
outdated-banner = Esta traducción se realizó a partir de una versión anterior del artículo en inglés.
read-english = Leer la versión actual en inglés
handoff-date = Entregado para traducción el { $date }
view-label = Vista
view-translation = Traducción
view-side-by-side = En paralelo
english-original = Original en inglés
review = Revisión
review-title = Revisión: { $title }
status-title = Estado de la traducción
segment-id = Id.
source-text = Inglés
target-text = Traducción
findings = Observaciones
filter-by-code = Filtrar por código
all-codes = Todos los códigos
no-findings = Sin observaciones
article = Artículo
translation-type = Tipo de traducción
stale = Desactualizada
yes = Sí
no = No
machine = Automática
human = Humana
counts-by-code = Observaciones por código
code = Código
count = Recuento
broken-link-title = Este vínculo apunta a un artículo que no existe
missing-image = Imagen no disponible
applies-to = Se aplica a:
segments-count = { $count ->
    [one] { $count } segmento
   *[other] { $count } segmentos
}
articles-count = { $count ->
    [one] { $count } artículo
   *[other] { $count } artículos
}
incidents-count = { $count ->
    [one] { $count } incidente
   *[other] { $count } incidentes
}
