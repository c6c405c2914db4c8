# ข้อความส่วนติดต่อของเว็บไซต์ (ไทย)
language-name = ไทย
site-title = เอกสารประกอบ
choose-language = เลือกภาษา
benefit = สิทธิประโยชน์
articles = บทความ
on-this-page = ในบทความนี้
language = ภาษา
languages = ภาษาอื่นๆ
skip-to-content = ข้ามไปยังเนื้อหาหลัก
note-note = หมายเหตุ
note-tip = เคล็ดลับ
note-important = สำคัญ
note-warning = คำเตือน
note-caution = ข้อควรระวัง
mt-notice = หน้านี้แปลด้วยเครื่อง วางเมาส์เหนือประโยคหรือโฟกัสที่ประโยคเพื่อดูต้นฉบับภาษาอังกฤษ
outdated-banner = คำแปลนี้แปลจากบทความภาษาอังกฤษเวอร์ชันเก่า
read-english = อ่านเวอร์ชันภาษาอังกฤษล่าสุด
handoff-date = ส่งแปลเมื่อ { $date }
view-label = มุมมอง
view-translation = คำแปล
view-side-by-side = แสดงคู่กัน
english-original = ต้นฉบับภาษาอังกฤษ
review = การตรวจทาน
review-title = การตรวจทาน: { $title }
status-title = สถานะการแปล
segment-id = ID
source-text = ภาษาอังกฤษ
target-text = คำแปล
findings = ผลการตรวจสอบ
filter-by-code = กรองตามรหัส
all-codes = รหัสทั้งหมด
no-findings = ไม่มีผลการตรวจสอบ
article = บทความ
translation-type = ประเภทการแปล
stale = ล้าสมัย
yes = ใช่
no = ไม่ใช่
machine = แปลด้วยเครื่อง
human = แปลโดยมนุษย์
counts-by-code = ผลการตรวจสอบตามรหัส
code = รหัส
count = จำนวน
broken-link-title = ลิงก์นี้ชี้ไปยังบทความที่ไม่มีอยู่
missing-image = รูปภาพไม่พร้อมใช้งาน
applies-to = ใช้กับ:
segments-count = { $count ->
   *[other] { $count } เซกเมนต์
}
articles-count = { $count ->
   *[other] { $count } บทความ
}
incidents-count = { $count ->
   *[other] { $count } เหตุการณ์
}
