# Sitenin arabirim metni (Türkçe).
language-name = Türkçe
site-title = Belgeler
choose-language = Dil seçin
benefit = Avantaj
articles = Makaleler
on-this-page = Bu makalede
language = Dil
languages = Diğer diller
skip-to-content = Ana içeriğe atla
note-note = Not
note-tip = İpucu
note-important = Önemli
note-warning = Uyarı
note-caution = Dikkat
mt-notice = Bu sayfa makine çevirisiyle çevrilmiştir. İngilizce özgün metni görmek için işaretçiyi bir cümlenin üzerine getirin veya cümleye odaklanın.
outdated-banner = Bu çeviri, İngilizce makalenin daha eski bir sürümünden yapılmıştır.
read-english = Güncel İngilizce sürümü okuyun
handoff-date = Çeviriye teslim tarihi: { $date }
view-label = Görünüm
view-translation = Çeviri
view-side-by-side = Yan yana
english-original = İngilizce özgün metin
review = İnceleme
review-title = İnceleme: { $title }
status-title = Çeviri durumu
segment-id = Kimlik
source-text = İngilizce
target-text = Çeviri
findings = Bulgular
filter-by-code = Koda göre filtrele
all-codes = Tüm kodlar
no-findings = Bulgu yok
article = Makale
translation-type = Çeviri türü
stale = Güncel değil
yes = Evet
no = Hayır
machine = Makine
human = İnsan
counts-by-code = Koda göre bulgular
code = Kod
count = Sayı
broken-link-title = Bu bağlantı, var olmayan bir makaleye işaret ediyor
missing-image = Görüntü kullanılamıyor
applies-to = Şunlar için geçerlidir:
segments-count = { $count ->
   *[other] { $count } segment
}
articles-count = { $count ->
   *[other] { $count } makale
}
incidents-count = { $count ->
   *[other] { $count } olay
}
