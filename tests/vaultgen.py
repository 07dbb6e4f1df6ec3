"""A generated vault of weekly study notes, and its answer key: what a reader of the vault knows is there.

    python tests/vaultgen.py --notes 2000 --out /tmp/vault2k      # writes /tmp/vault2k.answers.json beside it

The vault is what a Korean bootcamp student's notes repository looks like after a few months: a Jekyll
blog (`_posts/`, `categories`, "부스트캠프 AI Tech 4기 N주차 회고"), an Obsidian folder of KPT
retrospectives (`회고/N주차 회고.md`, no front matter week), a paper club with an explicit `series`/`week`,
an English weekly log written on Windows (CRLF), daily notes (`daily/YYYY-MM-DD.md`), one note per
concept with aliases, headings and block ids, an index, and an attachment. Prose is Korean with the
English term glued to its particle (`lstm이`, `pytorch의`), as these notes are written.

Every planted fact is recorded with its file and line while the note is written, so the key holds at
any size (`AnswerKey`): the findings a linter must report (broken links, embeds, heading links and block
refs, empty list items, unparseable front matter, gaps and duplicates in a weekly series), the decoys it
must not report (`[[..]]` and `#tag` look-alikes in code, math, URLs and comments), where every good
link leads, each note's tags and headings, each retrospective's series and week, and the concepts
mentioned in each week.

Deterministic for a given `notes` and `seed` (nothing iterates a set), standard library only, and written
for this repository's tests: nothing here is read from outside it.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import posixpath
import random
import struct
import sys
import zlib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

# Concept note title -> the forms a student writes it in. Real terms of an ML / data engineering course.
CONCEPTS: dict[str, tuple[str, ...]] = {
    "PyTorch": ("pytorch", "파이토치"),
    "TensorFlow": ("tensorflow", "tf"),
    "NumPy": ("numpy", "넘파이"),
    "pandas": ("판다스",),
    "Autograd": ("autograd", "자동 미분"),
    "Tensor": ("tensor", "텐서"),
    "Linear Regression": ("linear regression", "선형 회귀"),
    "Logistic Regression": ("logistic regression", "로지스틱 회귀"),
    "Gradient Descent": ("gradient descent", "경사하강법"),
    "Stochastic Gradient Descent": ("SGD", "sgd"),
    "Adam": ("adam", "AdamW"),
    "Learning Rate": ("learning rate", "학습률", "lr"),
    "Batch Normalization": ("batch norm", "batchnorm", "BN"),
    "Dropout": ("dropout", "드롭아웃"),
    "Overfitting": ("overfitting", "과적합"),
    "Regularization": ("regularization", "정규화 기법"),
    "Cross Entropy": ("cross entropy", "CE loss"),
    "Softmax": ("softmax", "소프트맥스"),
    "Activation Function": ("activation function", "활성화 함수"),
    "ReLU": ("relu",),
    "MLP": ("mlp", "multi-layer perceptron"),
    "CNN": ("cnn", "합성곱 신경망"),
    "RNN": ("rnn", "순환 신경망"),
    "LSTM": ("lstm", "long short-term memory"),
    "GRU": ("gru",),
    "Attention": ("attention", "어텐션"),
    "Transformer": ("transformer", "트랜스포머"),
    "Positional Encoding": ("positional encoding", "위치 인코딩"),
    "BERT": ("bert", "버트"),
    "GPT": ("gpt",),
    "Tokenizer": ("tokenizer", "토크나이저"),
    "Word Embedding": ("word embedding", "임베딩"),
    "Word2Vec": ("word2vec", "w2v"),
    "Seq2Seq": ("seq2seq",),
    "Beam Search": ("beam search", "빔 서치"),
    "BLEU": ("bleu", "BLEU score"),
    "ResNet": ("resnet", "residual connection"),
    "Vision Transformer": ("ViT", "vit"),
    "Object Detection": ("object detection", "객체 탐지"),
    "Semantic Segmentation": ("semantic segmentation", "segmentation"),
    "Data Augmentation": ("augmentation", "데이터 증강"),
    "CutMix": ("cutmix",),
    "Transfer Learning": ("transfer learning", "fine-tuning", "파인튜닝"),
    "Knowledge Distillation": ("knowledge distillation", "distillation", "지식 증류"),
    "Quantization": ("quantization", "양자화"),
    "Mixed Precision": ("AMP", "mixed precision"),
    "Early Stopping": ("early stopping",),
    "K-Fold Cross Validation": ("k-fold", "교차 검증"),
    "Confusion Matrix": ("confusion matrix", "혼동 행렬"),
    "F1 Score": ("f1 score", "F1"),
    "ROC AUC": ("roc auc", "AUC"),
    "Recommender System": ("recommender system", "추천 시스템", "RecSys"),
    "Collaborative Filtering": ("collaborative filtering", "협업 필터링"),
    "Matrix Factorization": ("matrix factorization", "MF"),
    "Graph Neural Network": ("GNN", "graph neural network"),
    "PCA": ("pca", "주성분 분석"),
    "t-SNE": ("tsne", "t-sne"),
    "KL Divergence": ("KL divergence", "KLD"),
    "Maximum Likelihood Estimation": ("MLE", "최대 우도 추정"),
    "Bayes Theorem": ("bayes theorem", "베이즈 정리"),
    "Entropy": ("entropy", "엔트로피"),
    "Eigenvalue": ("eigenvalue", "고윳값"),
    "SVD": ("svd", "특이값 분해"),
    "Docker": ("docker", "도커"),
    "Git": ("git", "깃"),
    "Linux": ("linux", "리눅스"),
    "SQL": ("sql",),
    "Airflow": ("airflow", "에어플로우"),
    "Spark": ("spark", "스파크"),
    "Kafka": ("kafka", "카프카"),
    "FastAPI": ("fastapi",),
    "Streamlit": ("streamlit",),
    "MLflow": ("mlflow",),
    "Weights & Biases": ("wandb", "W&B"),
    "Hyperparameter Tuning": ("hyperparameter tuning", "하이퍼파라미터 튜닝", "HPO"),
    "DataLoader": ("dataloader", "데이터로더"),
    "Python Decorator": ("decorator", "데코레이터"),
    "Python Generator": ("generator", "제너레이터"),
    "Big-O Notation": ("big-o", "시간 복잡도"),
    "Dynamic Programming": ("dynamic programming", "동적 계획법", "DP"),
    "Binary Search": ("binary search", "이분 탐색"),
    "Peer Session": ("peer session", "피어세션"),
    "Mentoring": ("mentoring", "멘토링"),
    "Code Review": ("code review", "코드 리뷰"),
}
CONCEPT_HEADINGS = ("정의", "예시", "더 읽을거리")
BLOCK_ID = "core"
"""Every concept note's definition line ends in `^core`."""

# Particles a Korean sentence glues to the English term before it.
PARTICLES = ("", "", "", *"이 가 은 는 을 를 의 에 에서 으로 로 과 와 도 만 처럼".split())  # "": often none
NOTES_OF_THE_WEEK = (
    "강의를 두 번 들으니 조금 감이 잡혔다",
    "실습 코드를 처음부터 다시 짜 봤다",
    "과제 제출 직전까지 디버깅했다",
    "스터디원이 설명해 줘서 이해했다",
    "수식은 따라갔지만 구현이 어렵다",
    "공식 문서 예제를 그대로 돌려 봤다",
    "다음 주 대회에서 바로 써 볼 생각이다",
    "블로그에 따로 정리해 두어야겠다",
    "논문 그림을 보면서 구조를 따라 그려 봤다",
    "베이스라인보다 점수가 조금 올랐다",
    "시간이 부족해서 절반만 정리했다",
    "멘토님이 추천한 자료를 읽었다",
    "예전에 배운 내용과 연결되어 재미있었다",
    "팀원들과 실험 결과를 비교했다",
    "복습하면서 빈 곳을 채웠다",
)
QUESTIONS = (
    "둘의 차이가 정확히 뭔지 모르겠다",
    "왜 이 방법이 더 잘 되는지 이해가 안 된다",
    "언제 이걸 써야 하는지 궁금하다",
)
TAG_POOL = ("회고", "boostcamp", "til", "ml", "dl", "nlp", "cv", "recsys", "study/weekly", "study/paper", "회고/kpt")
ATTACHMENT = "loss-curve.png"
START = dt.date(2022, 9, 19)  # a Monday


@dataclass(frozen=True, slots=True)
class Shape:
    """How one weekly series is written: where its notes go, how they are named, what marks their week."""

    series: str
    """The series as vaultgraph names it (folded to lower case)."""
    path: Callable[[int, dt.date], str]
    front_matter: Callable[[int, dt.date], dict[str, str]]
    title: Callable[[int], str]
    sections: tuple[str, ...]
    newline: str = "\n"


SHAPES = (
    Shape(  # Jekyll: week from the title (4기 is the cohort), series from categories, `_posts` skipped
        series="boostcamp",
        path=lambda n, day: f"_posts/{day.isoformat()}-boostcamp-{n}weeks.md",
        front_matter=lambda n, day: {
            "layout": "post",
            "title": f'"부스트캠프 AI Tech 4기 {n}주차 회고"',
            "date": f"{day.isoformat()} 18:00:00 +0900",
            "categories": "[Boostcamp]",
        },
        title=lambda n: f"부스트캠프 AI Tech 4기 {n}주차 회고",
        sections=("이번 주 배운 것", "피어세션", "멘토링", "회고"),
    ),
    Shape(  # Obsidian: week from the file name, series from the folder, tags only in front matter
        series="회고",
        path=lambda n, day: f"회고/{n}주차 회고.md",
        front_matter=lambda n, day: {"tags": "[회고/kpt]"},
        title=lambda n: f"{n}주차 회고",
        sections=("Keep", "Problem", "Try"),
    ),
    Shape(  # explicit series and week in front matter; neither the title nor the file name has a week
        series="paper-club",
        path=lambda n, day: f"study/papers/reading-{n:02d}.md",
        front_matter=lambda n, day: {"series": "paper-club", "week": str(n), "date": day.isoformat()},
        title=lambda n: f"논문 읽기 모임 {n}회차",
        sections=("읽은 논문", "토론", "다음에 읽을 것"),
    ),
    Shape(  # English, written on Windows: `week N` in the title, series from `categories` (first word)
        series="ml-study",
        path=lambda n, day: f"weekly/log {n:02d}.md",
        front_matter=lambda n, day: {"title": f"ML study week {n}", "categories": "ml-study notes"},
        title=lambda n: f"ML study week {n}",
        sections=("Done", "Learned", "Next"),
        newline="\r\n",
    ),
)


@dataclass(frozen=True, slots=True)
class Place:
    """A line of a note: what the key records for findings, decoys and links."""

    file: str
    line: int


@dataclass(frozen=True, slots=True)
class GoodLink:
    file: str
    line: int
    raw: str
    """The link as written, e.g. `[[LSTM#^core]]`."""
    path: str
    """The vault file it leads to."""


@dataclass(slots=True)
class AnswerKey:
    """What the generated vault holds; every list is sorted."""

    notes: int = 0
    findings: dict[str, list[Place]] = field(default_factory=lambda: defaultdict(list))
    """Rule code -> where it must report, and nowhere else."""
    decoys: list[Place] = field(default_factory=list)
    """Lines holding only look-alikes of links and tags: no rule may report them."""
    links: list[GoodLink] = field(default_factory=list)
    tags: dict[str, list[str]] = field(default_factory=dict)
    """Every note -> its tags (front matter and inline), without `#`."""
    headings: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    """Every note -> its headings as (level, text)."""
    weeks: dict[str, tuple[str, int]] = field(default_factory=dict)
    """Every note of a numbered series -> (series, week)."""
    dated: list[str] = field(default_factory=list)
    """Notes known by their date alone (the daily notes)."""
    concepts_by_week: dict[str, list[str]] = field(default_factory=dict)
    """Week key (`boostcamp/3`, `2022-W39`) -> titles of the concept notes mentioned that week."""

    def to_json(self) -> str:
        return json.dumps(dataclasses.asdict(self), ensure_ascii=False, indent=1)


class NoteWriter:
    """One note, line by line; `finding`, `decoy` and `link` record a fact about the line just written."""

    def __init__(self, path: str, key: AnswerKey):
        self.path, self.key = path, key
        self.lines: list[str] = []
        self.tags: list[str] = []
        self.headings: list[tuple[int, str]] = []

    def line(self, text: str = "") -> int:
        self.lines.append(text)
        return len(self.lines)

    def heading(self, level: int, text: str) -> None:
        self.line(f"{'#' * level} {text}")
        self.headings.append((level, text))

    def front_matter(self, fields: dict[str, str]) -> None:
        self.line("---")
        for name, value in fields.items():
            self.line(f"{name}: {value}")
        self.line("---")

    def finding(self, code: str) -> None:
        self.key.findings[code].append(Place(self.path, len(self.lines)))

    def decoy(self) -> None:
        self.key.decoys.append(Place(self.path, len(self.lines)))

    def link(self, raw: str, path: str) -> None:
        self.key.links.append(GoodLink(self.path, len(self.lines), raw, path))

    def text(self, newline: str = "\n") -> str:
        self.key.tags[self.path] = sorted(set(self.tags))
        self.key.headings[self.path] = self.headings
        return newline.join(self.lines) + newline


class VaultWriter:
    """Writes the notes of one vault and fills its key."""

    def __init__(self, root: Path, seed: int):
        self.root, self.rng, self.key = root, random.Random(seed), AnswerKey()
        self.titles = list(CONCEPTS)
        self.files: dict[str, bytes] = {}

    def concept_path(self, title: str) -> str:
        return f"concepts/{title}.md"

    def save(self, note: NoteWriter, newline: str = "\n") -> None:
        self.files[note.path] = note.text(newline).encode("utf-8")

    def write_concepts(self) -> None:
        for title in self.titles:
            note = NoteWriter(self.concept_path(title), self.key)
            aliases = ", ".join(json.dumps(alias, ensure_ascii=False) for alias in CONCEPTS[title])
            note.front_matter({"aliases": f"[{aliases}]", "tags": "[concept]"})
            note.tags.append("concept")
            note.heading(1, title)
            note.line()
            note.heading(2, CONCEPT_HEADINGS[0])
            note.line(f"{title}: {self.rng.choice(NOTES_OF_THE_WEEK)} ^{BLOCK_ID}")
            for heading in CONCEPT_HEADINGS[1:]:
                note.line()
                note.heading(2, heading)
                note.line(f"- {self.rng.choice(NOTES_OF_THE_WEEK)}")
            self.save(note)

    def write_index(self) -> None:
        note = NoteWriter("index.md", self.key)
        note.heading(1, "공부 노트 목차")
        note.line()
        for title in self.titles:
            raw = f"[[{title}]]"
            note.line(f"- {raw}")
            note.link(raw, self.concept_path(title))
        self.save(note)

    def mention(self, title: str) -> str:
        """A plain mention of a concept, the way it comes up in a sentence."""
        form = self.rng.choice((title, *CONCEPTS[title]))
        return form + self.rng.choice(PARTICLES) if form[-1].isascii() and form[-1].isalnum() else form

    def link_to(self, note: NoteWriter, title: str) -> str:
        """A link to a concept note in one of the ways Obsidian resolves, recorded as a good link."""
        target = self.concept_path(title)
        roll = self.rng.randrange(7)
        if roll == 0:
            raw = f"[[{title}|{self.rng.choice(CONCEPTS[title])}]]"
        elif roll == 1:
            raw = f"[[{title.lower()}]]"  # names match case-insensitively
        elif roll == 2:
            raw = f"[[concepts/{title}]]"  # a path suffix
        elif roll == 3:
            raw = f"[[{title}#{self.rng.choice(CONCEPT_HEADINGS)}]]"
        elif roll == 4:
            raw = f"[[{title}#^{BLOCK_ID}]]"
        elif roll == 5:
            relative = posixpath.relpath(target, posixpath.dirname(note.path)).replace(" ", "%20")
            raw = f"[{self.rng.choice(CONCEPTS[title])}]({relative})"
        else:
            raw = f"[[{title}]]"
        return raw

    def bullet(self, note: NoteWriter, mentioned: set[str]) -> bool:
        """One bullet of a section; True when the next bullet may nest under it."""
        roll = self.rng.random()
        title = self.rng.choice(self.titles)
        number = self.rng.randrange(10**5)
        if roll < 0.04:
            note.line("- ")
            note.finding("VG301")
            return False
        if roll < 0.065:
            note.line(f"- [[{title} 정리 {number}]] {self.rng.choice(NOTES_OF_THE_WEEK)}")
            note.finding("VG101")
            return True
        if roll < 0.075:
            note.line(f"- [초안](../drafts/draft-{number}.md) 참고")
            note.finding("VG101")
            return True
        if roll < 0.085:
            note.line(f"- ![[screenshot-{number}.png]]")
            note.finding("VG102")
            return False
        if roll < 0.095:
            note.line(f"- [[{title}#없는 절 {number}]] {self.rng.choice(NOTES_OF_THE_WEEK)}")
            note.finding("VG103")
            mentioned.add(title)
            return True
        if roll < 0.105:
            note.line(f"- [[{title}#^gone-{number}]] 여기를 다시 보자")
            note.finding("VG104")
            mentioned.add(title)
            return True
        if roll < 0.135:
            return self.decoy(note, number)
        if roll < 0.145:
            raw = f"![[{ATTACHMENT}]]"
            note.line(f"- {raw}")
            note.link(raw, f"attachments/{ATTACHMENT}")
            return False
        mentioned.add(title)
        if roll < 0.33:
            raw = self.link_to(note, title)
            text = raw
        elif roll < 0.40:
            raw, text = "", f"**{self.mention(title)}**"
        elif roll < 0.43:
            raw, text = "", f"=={self.mention(title)}=="
        else:
            raw, text = "", self.mention(title)
        if self.rng.random() < 0.25:
            other = self.rng.choice(self.titles)
            mentioned.add(other)
            text += f", {self.mention(other)}"
        if self.rng.random() < 0.1:
            tag = self.rng.choice(TAG_POOL)
            note.tags.append(tag)
            text += f" #{tag}"
        ending = self.rng.choice(QUESTIONS if self.rng.random() < 0.1 else NOTES_OF_THE_WEEK)
        note.line(f"- {text} {ending}")
        if raw:
            note.link(raw, self.concept_path(title))
        return True

    def decoy(self, note: NoteWriter, number: int) -> bool:
        kind = self.rng.randrange(6)
        if kind == 0:
            note.line("```python")
            note.line(f"# [[Not A Note {number}]] #not-a-tag")
            note.decoy()
            note.line("```")
            return False
        lines = (
            f"- `[[inline code {number}]]` 와 `#code-tag` 는 코드다",
            f"- https://example.com/study/notes.html#section-{number} 참고",
            f"- $p(x \\mid [[x]]) \\# {number}$ 를 유도해 봤다",
            f"- %% [[나중에 쓸 노트 {number}]] #draft %% 메모는 숨겼다",
            f"- 이슈 #{number} 와 C# 예제는 태그가 아니다",
        )
        note.line(lines[kind - 1])
        note.decoy()
        return True

    def body(self, note: NoteWriter, sections: tuple[str, ...], mentioned: set[str]) -> None:
        for section in sections:
            note.line()
            note.heading(2, section)
            nestable = False
            for _ in range(self.rng.randint(3, 6)):
                nested = nestable and self.rng.random() < 0.2
                nestable = self.nested_bullet(note, mentioned) if nested else self.bullet(note, mentioned)

    def nested_bullet(self, note: NoteWriter, mentioned: set[str]) -> bool:
        title = self.rng.choice(self.titles)
        mentioned.add(title)
        note.line(f"  - {self.mention(title)} {self.rng.choice(NOTES_OF_THE_WEEK)}")
        return True

    def write_series(self, shape: Shape, weeks: int, offset: int) -> None:
        numbers = list(range(1, weeks + 1))
        if weeks >= 4:  # one week never written: the series has a gap
            del numbers[self.rng.randrange(1, weeks - 1)]
        repeated = self.rng.choice(numbers) if shape.series == "회고" and weeks >= 3 else None
        by_week: dict[int, list[str]] = defaultdict(list)
        previous: str | None = None
        for n in numbers:
            day = START + dt.timedelta(weeks=n - 1, days=offset)
            for extra in ("", " (보충)") if n == repeated else ("",):
                path = shape.path(n, day).replace(".md", f"{extra}.md")
                previous = self.write_retro(shape, n, day, path, previous)
                by_week[n].append(path)
        for before, after in zip(numbers, numbers[1:], strict=False):
            if after > before + 1:
                self.key.findings["VG501"].append(Place(sorted(by_week[after])[0], 1))
        for paths in by_week.values():
            self.key.findings["VG502"].extend(Place(path, 1) for path in sorted(paths)[1:] if len(paths) > 1)

    def write_retro(self, shape: Shape, n: int, day: dt.date, path: str, previous: str | None) -> str:
        note = NoteWriter(path, self.key)
        fields = shape.front_matter(n, day)
        if shape.series == "회고" and self.rng.random() < 0.03:
            note.line("---")
            note.line("tags: [회고/kpt, 미완성")  # the flow sequence is never closed
            note.finding("VG201")
            note.line("---")
        else:
            note.front_matter(fields)
            note.tags.extend(tag.strip() for tag in fields.get("tags", "[]").strip("[]").split(",") if tag.strip())
        note.heading(1, shape.title(n))
        mentioned: set[str] = set()
        self.body(note, shape.sections, mentioned)
        if previous is not None:
            stem = posixpath.basename(previous)[:-3]
            raw = f"[[{stem}|지난주]]"
            note.line()
            note.line(f"{raw} 회고와 이어진다")
            note.link(raw, previous)
        self.save(note, shape.newline)
        self.key.weeks[path] = (shape.series, n)
        week = f"{shape.series}/{n}"
        self.key.concepts_by_week[week] = sorted(set(self.key.concepts_by_week.get(week, [])) | mentioned)
        return path

    def write_daily(self, count: int) -> None:
        for i in range(count):
            day = START + dt.timedelta(days=i)
            note = NoteWriter(f"daily/{day.isoformat()}.md", self.key)
            note.heading(1, f"{day.isoformat()} TIL")
            mentioned: set[str] = set()
            self.body(note, ("오늘 한 일",), mentioned)
            self.save(note)
            self.key.dated.append(note.path)
            year, week, _ = day.isocalendar()
            key = f"{year}-W{week:02d}"
            self.key.concepts_by_week[key] = sorted(set(self.key.concepts_by_week.get(key, [])) | mentioned)

    def finish(self) -> AnswerKey:
        for rel, data in self.files.items():
            path = self.root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        (self.root / "attachments").mkdir(exist_ok=True)
        (self.root / "attachments" / ATTACHMENT).write_bytes(tiny_png())
        (self.root / ".obsidian").mkdir(exist_ok=True)
        (self.root / ".obsidian" / "app.json").write_text('{"alwaysUpdateLinks": true}\n', encoding="utf-8")
        key = self.key
        key.notes = len(self.files)
        key.findings = {code: sorted(places, key=_order) for code, places in sorted(key.findings.items())}
        key.decoys.sort(key=_order)
        key.links.sort(key=lambda link: (link.file, link.line))
        key.dated.sort()
        key.tags, key.headings = dict(sorted(key.tags.items())), dict(sorted(key.headings.items()))
        key.weeks = dict(sorted(key.weeks.items()))
        key.concepts_by_week = dict(sorted(key.concepts_by_week.items()))
        return key


def _order(place: Place) -> tuple[str, int]:
    return (place.file, place.line)


def tiny_png() -> bytes:
    """A real 1x1 PNG, so the attachment is an image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0\0")) + chunk(b"IEND", b"")


def write_vault(root: Path, notes: int = 400, seed: int = 4) -> AnswerKey:
    """Write a vault of about `notes` notes (at least the concept notes and the index) into `root`."""
    root.mkdir(parents=True, exist_ok=True)
    writer = VaultWriter(root, seed)
    writer.write_concepts()
    writer.write_index()
    rest = max(notes - len(CONCEPTS) - 1, 0)
    retros = rest * 3 // 5
    per_shape = [retros // len(SHAPES) + (i < retros % len(SHAPES)) for i in range(len(SHAPES))]
    for offset, (shape, count) in enumerate(zip(SHAPES, per_shape, strict=True)):
        writer.write_series(shape, count, offset)
    writer.write_daily(notes - len(writer.files))
    return writer.finish()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=400)
    parser.add_argument("--out", type=Path, required=True, help="folder to write the vault in (new or empty)")
    parser.add_argument("--seed", type=int, default=4)
    args = parser.parse_args()
    if args.out.exists() and any(args.out.iterdir()):
        parser.error(f"{args.out} is not empty")
    key = write_vault(args.out, args.notes, args.seed)
    answers = args.out.with_name(f"{args.out.name}.answers.json")
    answers.write_text(key.to_json(), encoding="utf-8")
    print(f"{key.notes} notes -> {args.out}; answer key -> {answers}", file=sys.stderr)


if __name__ == "__main__":
    main()
