# 網站介面文字（繁體中文）。
language-name = 繁體中文
site-title = 文件
choose-language = 選擇語言
benefit = 權益
articles = 文章
on-this-page = 本文內容
language = 語言
languages = 其他語言
skip-to-content = 跳到主要內容
note-note = 注意
note-tip = 提示
note-important = 重要
note-warning = 警告
note-caution = 謹慎
mt-notice = 本頁面為機器翻譯。將滑鼠游標停留在句子上或將焦點移至句子，即可查看英文原文。
outdated-banner = 此翻譯是根據舊版英文文章製作的。
read-english = 閱讀最新英文版本
handoff-date = 交付翻譯日期：{ $date }
view-label = 檢視
view-translation = 譯文
view-side-by-side = 並排檢視
english-original = 英文原文
review = 檢閱
review-title = 檢閱：{ $title }
status-title = 翻譯狀態
segment-id = ID
source-text = 英文
target-text = 譯文
findings = 檢查結果
filter-by-code = 依代碼篩選
all-codes = 所有代碼
no-findings = 沒有檢查結果
article = 文章
translation-type = 翻譯類型
stale = 已過時
yes = 是
no = 否
machine = 機器翻譯
human = 人工翻譯
counts-by-code = 依代碼統計的檢查結果
code = 代碼
count = 數量
broken-link-title = 此連結指向的文章不存在
missing-image = 無法使用影像
applies-to = 適用於：
segments-count = { $count ->
   *[other] { $count } 個句段
}
articles-count = { $count ->
   *[other] { $count } 篇文章
}
incidents-count = { $count ->
   *[other] { $count } 個事件
}
