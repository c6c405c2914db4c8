# نص واجهة الموقع (العربية).
language-name = العربية
site-title = الوثائق
choose-language = اختر لغة
benefit = الميزة
articles = المقالات
on-this-page = في هذه الصفحة
language = اللغة
languages = لغات أخرى
skip-to-content = انتقل إلى المحتوى
note-note = ملاحظة
note-tip = تلميح
note-important = هام
note-warning = تحذير
note-caution = تنبيه
mt-notice = تمت ترجمة هذه الصفحة آليًا. مرّر المؤشر فوق جملة أو ركّز عليها لرؤية النص الإنجليزي الأصلي.
outdated-banner = هذه الترجمة مأخوذة من إصدار أقدم من المقالة الإنجليزية.
read-english = اقرأ الإصدار الإنجليزي الحالي
handoff-date = تم التسليم للترجمة في { $date }
view-label = العرض
view-translation = الترجمة
view-side-by-side = جنبًا إلى جنب
english-original = الأصل الإنجليزي
review = المراجعة
review-title = المراجعة: { $title }
status-title = حالة الترجمة
segment-id = المعرف
source-text = الإنجليزية
target-text = الترجمة
findings = الملاحظات
filter-by-code = التصفية حسب الرمز
all-codes = كل الرموز
no-findings = لا توجد ملاحظات
article = المقالة
translation-type = نوع الترجمة
stale = قديمة
yes = نعم
no = لا
machine = آلية
human = بشرية
counts-by-code = الملاحظات حسب الرمز
code = الرمز
count = العدد
broken-link-title = يشير هذا الارتباط إلى مقالة غير موجودة
missing-image = الصورة غير متوفرة
applies-to = ينطبق على:
segments-count = { $count ->
    [zero] لا مقاطع
    [one] مقطع واحد
    [two] مقطعان
    [few] { $count } مقاطع
   *[other] { $count } مقطعًا
}
articles-count = { $count ->
    [zero] لا مقالات
    [one] مقالة واحدة
    [two] مقالتان
    [few] { $count } مقالات
   *[other] { $count } مقالة
}
incidents-count = { $count ->
    [zero] لا حوادث
    [one] حادثة واحدة
    [two] حادثتان
    [few] { $count } حوادث
   *[other] { $count } حادثة
}
