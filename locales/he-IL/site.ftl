# טקסט הממשק של האתר (עברית).
language-name = עברית
site-title = תיעוד
choose-language = בחירת שפה
benefit = הטבה
articles = מאמרים
on-this-page = במאמר זה
language = שפה
languages = שפות אחרות
skip-to-content = דילוג לתוכן הראשי
note-note = הערה
note-tip = עצה
note-important = חשוב
note-warning = אזהרה
note-caution = זהירות
mt-notice = דף זה תורגם בתרגום מכונה. כדי לראות את המקור באנגלית, יש להצביע על משפט או להעביר אליו את המיקוד.
outdated-banner = תרגום זה נעשה מגרסה ישנה יותר של המאמר באנגלית.
read-english = לקריאת הגרסה העדכנית באנגלית
handoff-date = תאריך המסירה לתרגום: { $date }
view-label = תצוגה
view-translation = תרגום
view-side-by-side = זה לצד זה
english-original = המקור באנגלית
review = סקירה
review-title = סקירה: { $title }
status-title = מצב התרגום
segment-id = מזהה
source-text = אנגלית
target-text = תרגום
findings = ממצאים
filter-by-code = סינון לפי קוד
all-codes = כל הקודים
no-findings = אין ממצאים
article = מאמר
translation-type = סוג התרגום
stale = לא עדכני
yes = כן
no = לא
machine = תרגום מכונה
human = תרגום אנושי
counts-by-code = ממצאים לפי קוד
code = קוד
count = כמות
broken-link-title = קישור זה מפנה למאמר שאינו קיים
missing-image = התמונה אינה זמינה
applies-to = חל על:
segments-count = { $count ->
    [one] מקטע אחד
    [two] שני מקטעים
   *[other] { $count } מקטעים
}
articles-count = { $count ->
    [one] מאמר אחד
    [two] שני מאמרים
   *[other] { $count } מאמרים
}
incidents-count = { $count ->
    [one] תקרית אחת
    [two] שתי תקריות
   *[other] { $count } תקריות
}
