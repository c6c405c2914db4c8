# サイトのインターフェイス テキスト (日本語)。
language-name = 日本語
site-title = ドキュメント
choose-language = 言語の選択
benefit = 特典
articles = 記事
on-this-page = この記事の内容
language = 言語
languages = 他の言語
skip-to-content = メイン コンテンツにスキップ
note-note = 注意
note-tip = ヒント
note-important = 重要
note-warning = 警告
note-caution = 注意事項
mt-notice = このページは機械翻訳されています。文にマウス ポインターを合わせるか、フォーカスを移動すると、英語の原文が表示されます。
outdated-banner = この翻訳は、英語の記事の以前のバージョンから作成されました。
read-english = 最新の英語版を読む
handoff-date = 翻訳依頼日: { $date }
view-label = 表示
view-translation = 翻訳
view-side-by-side = 並べて表示
english-original = 英語の原文
review = レビュー
review-title = レビュー: { $title }
status-title = 翻訳の状態
segment-id = ID
source-text = 英語
target-text = 翻訳
findings = 検出結果
filter-by-code = コードでフィルター
all-codes = すべてのコード
no-findings = 検出結果はありません
article = 記事
translation-type = 翻訳の種類
stale = 古い
yes = はい
no = いいえ
machine = 機械翻訳
human = 人手翻訳
counts-by-code = コード別の検出結果
code = コード
count = 件数
broken-link-title = このリンクは存在しない記事を指しています
missing-image = 画像は利用できません
applies-to = 適用対象：
segments-count = { $count ->
   *[other] { $count } 個のセグメント
}
articles-count = { $count ->
   *[other] { $count } 件の記事
}
incidents-count = { $count ->
   *[other] { $count } 件のインシデント
}
