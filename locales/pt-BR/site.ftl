# Texto da interface do site (português do Brasil).
language-name = Português (Brasil)
site-title = Documentação
choose-language = Escolha um idioma
benefit = Benefício
articles = Artigos
on-this-page = Neste artigo
language = Idioma
languages = Outros idiomas
skip-to-content = Ir para o conteúdo principal
note-note = Observação
note-tip = Dica
note-important = Importante
note-warning = Aviso
note-caution = Cuidado
mt-notice = Esta página foi traduzida automaticamente. Passe o mouse sobre uma frase ou coloque o foco nela para ver o original em inglês.
outdated-banner = Esta tradução foi feita a partir de uma versão anterior do artigo em inglês.
read-english = Ler a versão atual em inglês
handoff-date = Enviado para tradução em { $date }
view-label = Exibição
view-translation = Tradução
view-side-by-side = Lado a lado
english-original = Original em inglês
review = Revisão
review-title = Revisão: { $title }
status-title = Status da tradução
segment-id = ID
source-text = Inglês
target-text = Tradução
findings = Constatações
filter-by-code = Filtrar por código
all-codes = Todos os códigos
no-findings = Nenhuma constatação
article = Artigo
translation-type = Tipo de tradução
stale = Desatualizada
yes = Sim
no = Não
machine = Automática
human = Humana
counts-by-code = Constatações por código
code = Código
count = Contagem
broken-link-title = Este link aponta para um artigo que não existe
missing-image = Imagem não disponível
applies-to = Aplica-se a:
segments-count = { $count ->
    [one] { $count } segmento
   *[other] { $count } segmentos
}
articles-count = { $count ->
    [one] { $count } artigo
   *[other] { $count } artigos
}
incidents-count = { $count ->
    [one] { $count } incidente
   *[other] { $count } incidentes
}
