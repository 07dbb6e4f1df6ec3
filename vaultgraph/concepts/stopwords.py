"""Words that are never concepts on their own: function words, filler, template and front matter names.

These are lists of *non*-concepts only. There is deliberately no list of domain terms: what counts as
a concept comes from the notes themselves and the user's glossary.

* `FUNCTION_WORDS` (English) split a run of words and are trimmed from its edges
  (`A Data Augmentation Library for Document Images` -> `Data Augmentation Library`, `Document Images`).
* `FILLER` (English and Korean) drops a term only when the whole term is one of them: "update" alone
  is filler, but "paper review" keeps its "review".
* `SECTION_NAMES` are retrospective template headings; `FRONT_MATTER_KEYS` are property names.
* `COURSE_WORDS` are the rituals and roles of Korean developer courses and study programs (boostcamp,
  우아한테크코스, SSAFY, KDT): `피어세션`, `멘토링`, `P-stage`, `레벨`, `페어`, and boostcamp's course names
  (`AI Math`, `DL Basic`: what a week studied is their content, not the course's name). A course's own vocabulary is also
  found from each vault (repeated headings, title words, spread), but a blog that writes `P-stage` in a
  quarter of its notes, in prose, looks like a blog about it; these words are dropped whatever their counts.
* `PROBLEM_SITES` are coding-test sites (`백준`, `프로그래머스`, `LeetCode`): where problems come from.
* `SITE_PAGES` are a blog theme's pages (Chirpy's `_tabs/categories.md`, `about.md`): no concept notes.
* `COLLECTION_WORDS` end the titles of hub notes (`멘토링 질문 모음`): such a note is no concept note.
* `is_measure`: a size or a hardware model number is a setting of an experiment, not its subject:
  a count with a unit (`7B`, `175B` parameters, `100K` ratings, `80GB`) or one letter and three digits or
  more (`A100`, `V100`, `H100` GPUs), a duration (`1h`, `30s`) or a learning rate (`1e-4`). Names that
  carry a number keep it (`GPT-3`, `ResNet50`, `G1`, `L2`).
* `is_version_or_id`: a version alone (`v3` in `DeepLab v2, v3`) belongs to the name before it, and a commit
  hash (the `>>>>>>> 07044db…` of a merge conflict left in a note) refers to something; neither is a subject.
"""

from __future__ import annotations

import re

_MEASURE = re.compile(r"\d+(?:\.\d+)?(?:[kmbt]|[kmgt]b|h|min|s|ms|e-?\d+)|[a-z]\d{3,}")
_VERSION_OR_ID = re.compile(r"v\d+(?:\.\d+)*[a-z]?\+*|(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,}")

FUNCTION_WORDS = frozenset(
    """
a an the and or but nor so yet if then than that this these those there here it its it's i me my we our you
your he she they them their his her is am are was were be been being do does did done have has had having
to of in on at by for with from into onto over under about after before between through during without
within as not no yes all any some each every both either neither other another such same own only very too
also just more most less least much many few can could should would will shall may might must what which
who whom whose when where why how vs etc eg ie e.g i.e via per up down out off again once
""".split()
)

FILLER = frozenset(
    """
use used uses using make made makes get got gets go goes went see seen look looks thing things stuff
way ways something anything nothing everything lot lots bit kind sort part parts point points case cases
example examples time times day days week weeks today yesterday tomorrow now later first second last next
new old good bad better best great nice fine ok okay well really actually maybe probably
update updated updates check checked need needs want wants try tried let lets know known think thought
like likes please thanks thank note notes memo todo tbd wip done fix fixed
link links here click source
mon tue wed thu fri sat sun monday tuesday wednesday thursday friday saturday sunday
january february march april june july august september october november december
""".split()
) | frozenset(
    """
때 것 거 수 등 등등 중 쪽 좀 잘 더 또 또는 및 다시 그냥 정말 진짜 너무 많이 조금 약간 아주 매우 꽤
이번 다음 지난 이전 이후 전 후 위 아래 앞 뒤 안 밖 이제 지금 당장 요즘 오늘 내일 어제 주말 평일 주 주차 일
월요일 화요일 수요일 목요일 금요일 토요일 일요일 오전 오후 시 분 초 시간 하루 매일 매주
사실 특히 먼저 일단 계속 항상 가끔 자주 같이 함께 처음 마지막 제대로 아직 벌써 이미 딱히 실제 실제로 직접
공부 관련 이해 사용 생각 정리 내용 부분 정도 경우 의미 설명 질문 답변 필요 확인 진행 시작 마무리 완료
정보 방법 방식 방향 문제 결과 성과 차이 여부 자체 전제 느낌 기분 마음 걱정 고민 얘기 이야기 말 글 점
나 내 저 제 우리 너 누구 무엇 뭐 무슨 어떤 이것 그것 저것 이거 그거 저거 여기 거기 하나 둘 모든 모두 각 대체
이건 그건 저건 이게 그게 것도 것이 것은 것을 건지 때문 때도 때는 때에 하기 수도 얼마 얼마나 언제 한번 한 번 다른 같은 이런 그런 저런 대부분 전부 자료 목록 추가 다음주 이번주 지난주
그래 그래도 그럼 그때 그냥 근데 하지만 그리고 그래서 따라서 결국 어차피 언젠간 그닥 별로 역시 혹시 아마 물론 오히려 굳이
전에 앞에 뒤에 뒤에서 앞쪽 뒤쪽 한쪽 양쪽 위의 밖의 거의 가장 제일 훨씬 없이 따로 아님 아니라 다름 어디 바로 주로 미리 대신
서로 일찍 빨리 드디어 한참 당분간 대략 각각 여러 다섯 매번 번에 번씩 동안 중간 초반 후반 나중 중엔 요새 이따 오래 일일 수록
것의 것과 것만 것인지 걸로 때만 등의 말이 이거구 이유 이상 이하 미만 정도로 하나씩 조금씩 다들 뭐든 그때그때 얘기 생각보다
링크 여기 바로가기 더보기 출처 원문 특정 기존 전체 일부 각종 주요 구현 적용 도입 개선
""".split()
)

SECTION_NAMES = frozenset(
    """
learned learn learning feeling feelings miscellaneous misc summary overview introduction intro conclusion
references reference links todo todos keep problem problems try kpt retrospective retro plan plans goal goals
review reflection log notes journal daily weekly
회고 느낀점 배운점 잘한점 아쉬운점 개선점 목표 계획 한줄평 요약 정리 참고 참고자료 정의 예시 메모 기타 일정
schedule toc contents tmi 레퍼런스 목차 키워드 로드맵
""".split()
)

COURSE_WORDS = frozenset(
    """
피어세션 스페셜피어세션 멘토링 마스터클래스 오피스아워 스크럼 데일리스크럼 그라운드룰 팀빌딩 코어타임 특강 모각코
회고록 주간회고 팀회고 학습정리 주간학습정리 학습기록 랩업리포트 페어 페어프로그래밍 크루 코치 코치님 멘토님 마스터님
캠퍼님 리뷰어님 데일리미팅 레벨 레벨인터뷰 테코톡 부캠 부스트캠프 우테코 우아한테크코스 수료 수료식
커리큘럼 오리엔테이션 오프닝세션 클로징세션 curriculum orientation syllabus 챌린지 멤버십 학습스프린트 그룹프로젝트 랩미팅
boostcamp aitech p-stage u-stage pstage ustage level til peer-session mentoring office-hour office-hours
daily-scrum wrap-up ground-rule ground-rules master-class masterclass tech-talk further-question further-questions
ai-math dl-basic product-serving data-viz ai-core ai-production lab-meeting
""".split()
)
"""Written without spaces, or with hyphens between English words: `is_course_word` compares a term without
either, so `피어 세션`, `office hours` and `P-Stage` are found."""

PROBLEM_SITES = frozenset(
    """
백준 boj baekjoon 프로그래머스 programmers leetcode 리트코드 swea softeer 소프티어 코드트리 codetree hackerrank
해커랭크 codeforces 코드포스 atcoder 앳코더 solved.ac
""".split()
)
"""Coding-test sites: where a study blog's problems come from, not what they teach (the labels of three
vaults and a reader of fourteen real series put `백준`, `BOJ` and `프로그래머스` with the generic words)."""

SITE_PAGES = frozenset("about archive archives categories category tags tag search home 404".split())
"""Beside `index` and `readme`, which COLLECTION_WORDS already holds."""

# The last word of a note title that gathers things rather than names one (`멘토링 질문 모음`, `ray tune 실험 메모`).
COLLECTION_WORDS = frozenset(
    """
모음 메모 정리 기록 노트 목록 모아보기 아이디어 회고 일지 로그 링크 index notes memo memos log logs list collection
ideas links journal moc readme
""".split()
)

FRONT_MATTER_KEYS = frozenset(
    """
layout title date categories category tags tag aliases alias permalink author authors description excerpt
published draft toc comments series week cssclass cssclasses created updated modified lastmod last_modified
slug image sidebar math use_math mermaid pin type status lang language concepts concept source url
""".split()
)


def is_measure(key: str) -> bool:
    """True for a folded term that is a size or a hardware model number (`7b`, `80gb`, `a100`)."""
    return _MEASURE.fullmatch(key) is not None


def is_version_or_id(key: str) -> bool:
    """True for a folded term that is a bare version (`v3`, `v2.1`) or a hex id of seven digits or more."""
    return _VERSION_OR_ID.fullmatch(key) is not None


def is_course_word(key: str) -> bool:
    """True for a folded term that names a ritual or role of a course (`피어 세션`, `p-stage`, `office hours`)."""
    return _squeezed(key) in _COURSE_KEYS


def is_problem_site(key: str) -> bool:
    """True for a folded term that names a coding-test site (`백준`, `boj`, `leetcode`)."""
    return key in PROBLEM_SITES


def is_filler(key: str, extra: frozenset[str] = frozenset()) -> bool:
    """True when a whole term (already folded) is never a concept by itself."""
    return key in FILLER or key in FUNCTION_WORDS or key in SECTION_NAMES or key in FRONT_MATTER_KEYS or key in extra


def _squeezed(term: str) -> str:
    return term.replace(" ", "").replace("-", "")


_COURSE_KEYS = frozenset(_squeezed(word) for word in COURSE_WORDS)
