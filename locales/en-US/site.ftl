# Interface text of the site `locdoc build` writes (English, the fallback).
language-name = English
site-title = Documentation
choose-language = Choose a language
benefit = Benefit
articles = Articles
on-this-page = On this page
language = Language
languages = Other languages
skip-to-content = Skip to content
note-note = Note
note-tip = Tip
note-important = Important
note-warning = Warning
note-caution = Caution
mt-notice = This page was machine translated. Hover over or focus a sentence to see the English original.
outdated-banner = This translation was made from an older version of the English article.
read-english = Read the current English version
handoff-date = Handed off for translation on { $date }
view-label = View
view-translation = Translation
view-side-by-side = Side by side
english-original = English original
review = Review
review-title = Review: { $title }
status-title = Translation status
segment-id = Id
source-text = English
target-text = Translation
findings = Findings
filter-by-code = Filter by code
all-codes = All codes
no-findings = No findings
article = Article
translation-type = Translation
stale = Outdated
yes = Yes
no = No
machine = Machine
human = Human
counts-by-code = Findings by code
code = Code
count = Count
broken-link-title = This link points to an article that does not exist
missing-image = Image not available
applies-to = Applies to:
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
