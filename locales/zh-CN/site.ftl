# 网站界面文本（简体中文）。
language-name = 简体中文
site-title = 文档
choose-language = 选择语言
benefit = 权益
articles = 文章
on-this-page = 本文内容
language = 语言
languages = 其他语言
skip-to-content = 跳转至主内容
note-note = 备注
note-tip = 提示
note-important = 重要
note-warning = 警告
note-caution = 注意
mt-notice = 本页面为机器翻译。将鼠标悬停在句子上或使其获得焦点，即可查看英文原文。
outdated-banner = 此译文基于旧版英文文章翻译。
read-english = 阅读最新英文版本
handoff-date = 提交翻译日期：{ $date }
view-label = 视图
view-translation = 译文
view-side-by-side = 并排显示
english-original = 英文原文
review = 审阅
review-title = 审阅：{ $title }
status-title = 翻译状态
segment-id = ID
source-text = 英文
target-text = 译文
findings = 检查结果
filter-by-code = 按代码筛选
all-codes = 所有代码
no-findings = 无检查结果
article = 文章
translation-type = 翻译类型
stale = 已过时
yes = 是
no = 否
machine = 机器翻译
human = 人工翻译
counts-by-code = 按代码统计的检查结果
code = 代码
count = 数量
broken-link-title = 此链接指向的文章不存在
missing-image = 图像不可用
applies-to = 适用于：
segments-count = { $count ->
   *[other] { $count } 个句段
}
articles-count = { $count ->
   *[other] { $count } 篇文章
}
incidents-count = { $count ->
   *[other] { $count } 个事件
}
