# Текст интерфейса сайта (русский).
language-name = Русский
site-title = Документация
choose-language = Выберите язык
benefit = Преимущество
articles = Статьи
on-this-page = На этой странице
language = Язык
languages = Другие языки
skip-to-content = Перейти к содержимому
note-note = Примечание
note-tip = Совет
note-important = Важно
note-warning = Предупреждение
note-caution = Внимание
mt-notice = Эта страница переведена автоматически. Наведите указатель на предложение или установите на него фокус, чтобы увидеть английский оригинал.
outdated-banner = Этот перевод сделан с более старой версии английской статьи.
read-english = Читать актуальную английскую версию
handoff-date = Передано на перевод { $date }
view-label = Вид
view-translation = Перевод
view-side-by-side = Рядом с оригиналом
english-original = Английский оригинал
review = Проверка
review-title = Проверка: { $title }
status-title = Состояние перевода
segment-id = Идентификатор
source-text = Английский
target-text = Перевод
findings = Замечания
filter-by-code = Фильтр по коду
all-codes = Все коды
no-findings = Замечаний нет
article = Статья
translation-type = Тип перевода
stale = Устарел
yes = Да
no = Нет
machine = Машинный
human = Человеческий
counts-by-code = Замечания по кодам
code = Код
count = Количество
broken-link-title = Эта ссылка ведёт на несуществующую статью
missing-image = Изображение недоступно
applies-to = Применяется к:
segments-count = { $count ->
    [one] { $count } сегмент
    [few] { $count } сегмента
   *[many] { $count } сегментов
}
articles-count = { $count ->
    [one] { $count } статья
    [few] { $count } статьи
   *[many] { $count } статей
}
incidents-count = { $count ->
    [one] { $count } инцидент
    [few] { $count } инцидента
   *[many] { $count } инцидентов
}
