# 사이트 인터페이스 텍스트 (한국어).
language-name = 한국어
site-title = 설명서
choose-language = 언어 선택
benefit = 혜택
articles = 문서
on-this-page = 이 페이지의 내용
language = 언어
languages = 다른 언어
skip-to-content = 본문으로 건너뛰기
note-note = 참고
note-tip = 팁
note-important = 중요
note-warning = 경고
note-caution = 주의
mt-notice = 이 페이지는 기계 번역되었습니다. 문장에 마우스를 올리거나 포커스를 두면 영어 원문이 표시됩니다.
outdated-banner = 이 번역은 이전 버전의 영어 문서를 기반으로 합니다.
read-english = 최신 영어 버전 읽기
handoff-date = 번역 전달일: { $date }
view-label = 보기
view-translation = 번역
view-side-by-side = 나란히 보기
english-original = 영어 원문
review = 검토
review-title = 검토: { $title }
status-title = 번역 상태
segment-id = ID
source-text = 영어
target-text = 번역
findings = 발견 사항
filter-by-code = 코드별 필터
all-codes = 모든 코드
no-findings = 발견 사항 없음
article = 문서
translation-type = 번역 유형
stale = 오래됨
yes = 예
no = 아니요
machine = 기계 번역
human = 사람 번역
counts-by-code = 코드별 발견 사항
code = 코드
count = 개수
broken-link-title = 이 링크는 존재하지 않는 문서를 가리킵니다
missing-image = 이미지를 사용할 수 없습니다
applies-to = 적용 대상:
segments-count = { $count ->
   *[other] 세그먼트 { $count }개
}
articles-count = { $count ->
   *[other] 문서 { $count }개
}
incidents-count = { $count ->
   *[other] 인시던트 { $count }건
}
