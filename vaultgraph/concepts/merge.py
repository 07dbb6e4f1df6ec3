"""Spellings of one concept, joined: `merge_groups(forms, pairs, lookup) -> {entity id: group id}`.

`variant_key` already joins case, space, hyphen and dot variants (`Batch Normalization`,
`batch-normalization`, `batchnormalization`). On top of it, where the vault shows both spellings:

* **Plurals and inflections**: English `-s`/`-es`/`-ies` (`Models` -> `model`, `queries` -> `query`),
  the Korean plural `들` and honorific `님` (`팀원들` -> `팀원`, `멘토님` -> `멘토`); a word and the
  concept note named by its `-ing` form (`partition` -> `Partitioning`: only a note's or the
  glossary's name, since `embedding` is no `embed`).
* **Contractions**: one word made of the starts of a phrase's words (`batchnorm` = `batch
  normalization`, `layernorm`, `convnet` = `conv network`), each start at least CONTRACTION_PART
  letters, so `dataset` never joins `data setup`; the phrase may be written closed up
  (`batchnormalization`: the longest English word of four letters or more it starts with, and the rest).
* **A site and its name**: `d2l.ai` = `d2l`; a numeronym and its word: `k8s` = `kubernetes`.
* **An acronym and its phrase**: `MF` written in capitals and `matrix factorization`, the phrase
  with those initials that shares the most notes with it (none when two share as many, nor when the
  author paired the acronym with one of them: `Cross Validation (CV)` is not `computer vision`). A
  phrase holding an acronym is abbreviated by its letters (`ESM` = `ES Modules`) or, from three
  words on, by its initial (`JWT` = `JSON Web Token`); a closed compound never is (`DataLoader`
  is no `DL`).
* **Abbreviations and glosses the author wrote**: `Matrix Factorization (MF)`, `MF (Matrix
  Factorization)`, `경사하강법(gradient descent)`: `extract` finds them per note (an acronym must
  spell its phrase's initials in order; a gloss pairs one Korean noun run with one English run).
  A parenthesis after a Korean word is as often an example or a remark (`데이터셋(ML-1M)`,
  `문제(degradation)`, `병목 해결(attention)`) as a translation, so a gloss is believed only when the
  Korean side is a technical word (no more frequent in general Korean than GLOSS_MAX_FREQUENCY,
  ten per million: `역전파`, `경사하강법`, not `문제`, `계열`), no loanword (a loanword's source is
  its own spelling: `샘플링` is `sampling`, whatever follows it), of no more words than the English
  side, which is plain words or an acronym (no digits, no inner capitals: not `ImageNet`,
  `GRU4Rec`), and the Korean side is glossed one way only in the vault; any spelling paired with
  two different partners (`MAP`: mean average precision and masked attribute prediction) is
  believed in none.
* **A loanword and its source**: `클로저` = `closure`, `웹소켓` = `WebSocket`, `콜 스택` = `call stack`,
  when the two sound alike (`loanwords`) and no other Latin term of the vault does; the Hangul side
  must look borrowed or be no ordinary Korean word (`복합` is no `backoff`), the Latin side a word
  (a vowel, never written as an acronym: `SQL` is no `스킬`).
* **사이시옷**: `기댓값` = `기대값`, `고윳값 분해` = `고유값 분해`, the ㅅ standard spelling adds before `값`.
* **Vowels Korean no longer tells apart**: `백터` = `벡터` (ㅐ and ㅔ, ㅒ and ㅖ), when at most one of the
  spellings is an ordinary Korean word (`재정` and `제정` both are, and stay apart).
* **Versions of one name**: `DeepLab v3` and `YOLOv8x` join `DeepLab` and `YOLO`, `GPT-3` and
  `FlashAttention-2` join `GPT` and `FlashAttention`, a metric's cut-off joins the metric (`Recall@20`,
  `NDCG@K`), and a model number glued to a name that shows it is one (`mAP50`, `ResNet50`: an inner
  capital or three capitals) joins the name, when the vault writes the bare name too or two versions
  of it (`YOLO v1` and `YOLO v4` are one topic, `YOLO`, to a reader of a study blog). A glued `v` needs a
  capital beside it (`YOLOv8`, `MobileNetV2`), so `Conv2d` is no version of `Con`; names shorter than
  three letters are left alone (`IPv6` is no `IP`, `S3` no `S`), and a number after a lower-case word
  is a setting or an id, not a version (`top-5`, `exp-014`, `dim-0`).
* **Korean abbreviations**: a two- or three-syllable word that is no ordinary Korean word (not in
  the general word list) and whose syllables start a longer word of the vault, in order (`부캠` =
  `부스트캠프`, `데엔` = `데이터 엔지니어링`); a word's own beginning (`모델` in `모델링`) is not one, nor is
  the long word with a middle left out (`과적합` is no `과소적합`).

Concept notes and glossary entries (ids `note:…`, `gloss:…`) lead their group: their label wins.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

from vaultgraph.concepts.korean_words import looks_borrowed
from vaultgraph.concepts.loanwords import Sound, sound_alike, sound_of
from vaultgraph.concepts.normalize import fold, has_hangul, variant_key

CONTRACTION_PART = 3
MAX_ACRONYM = 5
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,4}s?")
_NUMERONYM = re.compile(r"([a-z])(\d{1,2})([a-z])")
GLOSS_MAX_FREQUENCY = 1e-5
_PLAIN_ENGLISH = re.compile(r"[A-Za-z][a-z]*(?:[ \-][A-Za-z][a-z]*)*|[A-Z]{2,}")
_SITE = re.compile(r"^(.+?)\.(?:ai|io|com|org|net|dev|kr|me)$")
_LATIN_KEY = re.compile(r"[a-z][a-z0-9]*")
_HANGUL_KEY = re.compile(r"[\uac00-\ud7a3]+")
_VOWEL = re.compile(r"[aeiou]")
_COPULA_OR_PARTICLE = frozenset("인이은을의가를과와도")
# Each syllable with ㅔ (ㅖ) -> the same syllable with ㅐ (ㅒ): 21 medials x 28 finals per initial.
_E_AS_AE = {
    0xAC00 + (initial * 21 + medial) * 28 + final: 0xAC00 + (initial * 21 + medial - 4) * 28 + final
    for initial in range(19)
    for medial in (5, 7)  # ㅔ, ㅖ -> ㅐ, ㅒ
    for final in range(28)
}
_WORDS = re.compile(r"[\s\-_./]+")
_FINAL_SIOT = 19  # jongseong index of ㅅ
# A syllable closed by ㅅ before `값`: `댓` in `기댓값`, `윳` in `고윳값`.
_SIOT_BEFORE_VALUE = re.compile(
    "([" + "".join(chr(0xAC00 + base + _FINAL_SIOT) for base in range(0, 11172, 28)) + "])값"
)
# A name and its version, model number or cut-off: `DeepLab v3+`, `YOLOv8x`, `GPT-3`, `Recall@20`, `mAP50`.
_VERSIONED = re.compile(
    r"(?P<base>.{3,}?)(?:[ \-][vV]\d+(?:\.\d+)*[a-z]?\+*|(?<=[A-Z])v\d+(?:\.\d+)*[a-z]?\+*|V\d+(?:\.\d+)*\+*"
    r"|(?P<number>-\d+(?:\.\d+)*\+*)|@(?:\d+|[kK]))"
    r"|(?P<name>[A-Za-z]+)\d+"
)
_NAME_SHAPE = re.compile(r"[a-z][A-Z]|[A-Z]{3,}$")  # `mAP`, `ResNet`, `GPT`: a name, so `mAP50` is a version
MAX_VERSIONED = 48  # characters: a longer spelling is a sentence or a path, no name with its version


class _Groups:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, ident: str) -> str:
        root = ident
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while ident != root:  # path compression
            self.parent[ident], ident = root, self.parent.get(ident, ident)
        return root

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if rb.startswith("term:") and not ra.startswith("term:"):
            ra, rb = rb, ra  # a concept note or glossary entry leads
        self.parent[ra] = rb


def merge_groups(
    forms: dict[str, Counter[str]],
    notes: dict[str, set[str]],
    pairs: Iterable[tuple[str, str]],
    lookup: Callable[[str], str | None],
    is_word: Callable[[str], bool],
    is_english: Callable[[str], bool],
) -> dict[str, str]:
    """Entity id -> id of the group it belongs to.

    `forms`: the spellings seen of each entity; `notes`: the notes it is in; `pairs`: (short, long) spellings the author paired;
    `lookup`: the entity id a spelling names, if any; `is_word` and `is_english`: whether a Hangul or
    a Latin word is an ordinary word of general Korean or English.
    """
    groups = _Groups()
    by_key: dict[str, str] = {}
    for ident in forms:
        if ident.startswith("term:"):
            by_key[ident[5:]] = ident

    def named(key: str) -> str | None:
        return by_key.get(key) or lookup(key)

    for key, ident in by_key.items():
        for base in _inflection_bases(key):
            other = named(base)
            if other is not None and other != ident:
                groups.join(ident, other)
                break
        if _LATIN_KEY.fullmatch(key) and len(key) >= 4:
            # `partition` and a concept note `Partitioning`: the word its name is made from
            known = next((lookup(form) for form in (key + "ing", key[:-1] + "ing") if lookup(form)), None)
            if known is not None and not known.startswith("term:"):
                groups.join(ident, known)
    for ident, seen in forms.items():
        for form in seen:
            site = _SITE.match(fold(form))
            other = named(variant_key(site.group(1))) if site else None
            if other is not None and other != ident:
                groups.join(ident, other)
    for short, long in pairs:
        a, b = named(variant_key(short)), named(variant_key(long))
        if a is not None and b is not None:
            groups.join(a, b)
    _contractions(forms, by_key, groups, is_english)
    _initials(forms, notes, by_key, groups)
    _numeronyms(by_key, groups)
    _versions(forms, by_key, groups, named)
    _korean_abbreviations(by_key, groups, is_word)
    _same_sound_vowels(by_key, groups, is_word)
    _sai_siot(by_key, groups)
    _loanwords(forms, by_key, groups, is_word)
    return {ident: groups.find(ident) for ident in forms}


def believed_pairs(pairs: list[tuple[str, str]], general: Callable[[str], float]) -> list[tuple[str, str]]:
    """The author's `A (B)` pairs worth believing (see the module docstring); `general`: background frequency."""
    written: dict[str, set[str]] = defaultdict(set)
    for a, b in pairs:
        written[variant_key(a)].add(variant_key(b))
        written[variant_key(b)].add(variant_key(a))
    plausible = [pair for pair in dict.fromkeys(pairs) if _plausible(*pair, general, written)]
    partners: dict[str, set[str]] = defaultdict(set)
    for a, b in plausible:
        partners[variant_key(a)].add(variant_key(b))
        partners[variant_key(b)].add(variant_key(a))
    return [(a, b) for a, b in plausible if len(partners[variant_key(a)]) == 1 == len(partners[variant_key(b)])]


def _plausible(a: str, b: str, general: Callable[[str], float], written: dict[str, set[str]]) -> bool:
    if has_hangul(a) == has_hangul(b):
        return True  # an acronym and its phrase: `extract` checked the initials
    korean, english = (a, b) if has_hangul(a) else (b, a)
    return (
        len(written[variant_key(korean)]) == 1  # `데이터셋(Beauty)`, `데이터셋(ML-1M)`: examples, not a name
        and len(korean.split()) <= len(english.split())  # `병목 해결(attention)`: a remark
        and not any(
            looks_borrowed(word) for word in korean.split()
        )  # `샘플링(generation)`: a loanword has its own source
        and general(fold(korean)) <= GLOSS_MAX_FREQUENCY
        and _PLAIN_ENGLISH.fullmatch(english) is not None
    )


def _inflection_bases(key: str) -> list[str]:
    if _LATIN_KEY.fullmatch(key[-1:] or " ") and len(key) >= 4 and key.endswith("s") and not key.endswith("ss"):
        bases = [key[:-1]]
        if key.endswith("es"):
            bases.append(key[:-2])
        if key.endswith("ies"):
            bases.append(key[:-3] + "y")
        return bases
    if _HANGUL_KEY.fullmatch(key) and len(key) >= 3 and key[-1] in "들님":
        return [key[:-1]]
    return []


def _phrase_words(seen: Counter[str], is_english: Callable[[str], bool] | None = None) -> list[str]:
    """The words of an entity's most used spelling (`Batch Normalization` -> [batch, normalization]);
    with `is_english`, a closed compound too (`batchnormalization` -> [batch, normalization])."""
    if not seen:
        return []
    words = [w for w in _WORDS.split(fold(seen.most_common(1)[0][0])) if w]
    if "_" in seen.most_common(1)[0][0]:
        return []  # `user_id`: an identifier, not a phrase
    if len(words) == 1 and is_english is not None and len(words[0]) >= 2 * CONTRACTION_PART + 2:
        if is_english(words[0]):
            return words  # `transformer`, `momentum`: a word of its own, not `trans` + `former`
        word = words[0]  # the longest English word it starts with, and a tail long enough to be a word
        # A head of CONTRACTION_PART letters is too short to trust: `goo` + `glenet` (`GoogLeNet`), `ten` + `sorrt`.
        heads = [i for i in range(CONTRACTION_PART + 1, len(word) - CONTRACTION_PART - 1) if is_english(word[:i])]
        return [word[: heads[-1]], word[heads[-1] :]] if heads else words
    return words


def _contractions(
    forms: dict[str, Counter[str]], by_key: dict[str, str], groups: _Groups, is_english: Callable[[str], bool]
) -> None:
    phrases: dict[str, list[tuple[list[str], str]]] = defaultdict(list)
    for ident, seen in forms.items():
        words = _phrase_words(seen, is_english)
        if len(words) >= 2 and all(_LATIN_KEY.fullmatch(w) for w in words):
            phrases[words[0][:CONTRACTION_PART]].append((words, ident))
    for key, ident in by_key.items():
        if len(key) < 2 * CONTRACTION_PART or not _LATIN_KEY.fullmatch(key) or len(_phrase_words(forms[ident])) > 1:
            continue  # a contraction is one word (`batchnorm`); `Fast R-CNN` is no `Faster R-CNN`
        for words, other in phrases.get(key[:CONTRACTION_PART], ()):
            if other != ident and key != "".join(words) and _spells(key, words):
                groups.join(ident, other)
                break


def _initials(
    forms: dict[str, Counter[str]], notes: dict[str, set[str]], by_key: dict[str, str], groups: _Groups
) -> None:
    """An acronym written in capitals joins the phrase of the vault whose initials it spells
    (`MF` = `matrix factorization`); among several (`CF`: collaborative filtering, closed form),
    the one that shares the most notes with it, if one does."""
    phrases: dict[str, list[str]] = defaultdict(list)
    for ident, seen in forms.items():
        for initials in _initials_of(seen.most_common(1)[0][0] if seen else ""):
            phrases[initials].append(ident)
    for key, ident in by_key.items():
        if key not in phrases or not any(_ACRONYM.fullmatch(form) for form in forms[ident]):
            continue
        if any(groups.find(other) == groups.find(ident) for other in phrases[key]):
            continue  # the author wrote which phrase it abbreviates (`Cross Validation (CV)`): not another one
        shared: Counter[str] = Counter()
        for other in phrases[key]:
            if groups.find(other) != groups.find(ident):
                shared[groups.find(other)] += len(notes[ident] & notes[other])
        ranked = shared.most_common(2)
        if ranked and ranked[0][1] > 0 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            groups.join(ident, ranked[0][0])


def _initials_of(spelled: str) -> list[str]:
    """The acronyms a phrase may be abbreviated by, folded: `matrix factorization` -> mf; a phrase with
    an acronym in it by that acronym's letters (`ES Modules` -> esm, `logistic MF` -> lmf) or, from three
    words on, by its initial alone (`JSON Web Token` -> jwt). `DL basic` is no `DB`: two words, one of
    them an acronym already. A closed compound is none (`DataLoader` is no `DL`, `DisposableBean` no `DB`),
    nor is an identifier (`user_id` is no `UI`)."""
    words = spelled.split()
    if "_" in spelled:
        return []
    folded = [w for w in _WORDS.split(fold(spelled)) if w]
    if not 2 <= len(folded) <= MAX_ACRONYM or not all(_LATIN_KEY.fullmatch(w) for w in folded):
        return []
    if not any(_ACRONYM.fullmatch(word) for word in words):
        return ["".join(w[0] for w in folded)]
    if len(words) != len(folded):
        return []
    found = ["".join(w if _ACRONYM.fullmatch(w) else w[0] for w in words).casefold()]
    if len(words) >= 3:
        found.append("".join(w[0] for w in folded))
    return found


def _numeronyms(by_key: dict[str, str], groups: _Groups) -> None:
    """`k8s` = `kubernetes`, `i18n` = `internationalization`: first and last letter, the count between."""
    words: dict[tuple[str, int, str], list[str]] = defaultdict(list)
    for key in by_key:
        if _LATIN_KEY.fullmatch(key) and key.isalpha() and len(key) >= 5:
            words[(key[0], len(key) - 2, key[-1])].append(key)
    for key, ident in by_key.items():
        match = _NUMERONYM.fullmatch(key)
        found = words.get((match.group(1), int(match.group(2)), match.group(3)), []) if match else []
        if len(found) == 1:
            groups.join(ident, by_key[found[0]])


def _version_base(form: str) -> str | None:
    """The name `form` is a version of (`DeepLab` for `DeepLab v3`, `YOLO` for `YOLOv8x`), or None."""
    match = _VERSIONED.fullmatch(form) if len(form) <= MAX_VERSIONED else None
    if match is None or (match.group("number") and match.group("base").islower()):
        return None  # `top-5`, `exp-014`: a setting or an id after a lower-case word
    name = match.group("name")
    if name is not None and not _NAME_SHAPE.search(name):
        return None  # `Base64`, `Python3`: a word and a number
    return match.group("base") or name


def _versions(
    forms: dict[str, Counter[str]], by_key: dict[str, str], groups: _Groups, named: Callable[[str], str | None]
) -> None:
    """`DeepLab v3` = `DeepLab`, `YOLO v1` = `YOLO v4`: versions of a name join it, or each other."""
    versions: dict[str, list[str]] = defaultdict(list)
    for ident in by_key.values():
        base = next(filter(None, map(_version_base, forms[ident])), None)
        if base is not None:
            versions[variant_key(base)].append(ident)
    for base, idents in versions.items():
        bare = named(base)
        if bare is None and len(set(idents)) < 2:
            continue
        for ident in idents:
            groups.join(ident, bare or idents[0])


def _spells(key: str, words: list[str]) -> bool:
    """True when `key` is a start of each of `words` in turn (`batchnorm`, [`batch`, `normalization`])."""
    if not words:
        return not key
    word = words[0]
    shortest = min(CONTRACTION_PART, len(word))
    return any(
        key[:n] == word[:n] and _spells(key[n:], words[1:]) for n in range(min(len(word), len(key)), shortest - 1, -1)
    )


def _korean_abbreviations(by_key: dict[str, str], groups: _Groups, is_word: Callable[[str], bool]) -> None:
    longs: dict[str, list[str]] = defaultdict(list)
    for key in by_key:
        if _HANGUL_KEY.fullmatch(key) and len(key) >= 4:
            longs[key[0]].append(key)
    for key, ident in by_key.items():
        if not (_HANGUL_KEY.fullmatch(key) and 2 <= len(key) <= 3) or is_word(key):
            continue
        for long in longs.get(key[0], ()):
            if not long.startswith(key) and _subsequence(key[1:], long[1:]) and not _infix_dropped(key, long):
                groups.join(ident, by_key[long])
                break


def _same_sound_vowels(by_key: dict[str, str], groups: _Groups, is_word: Callable[[str], bool]) -> None:
    """`백터` = `벡터`, `세그맨테이션` = `세그멘테이션`: Hangul spellings that differ only in ㅐ and ㅔ (ㅒ and
    ㅖ), which Korean no longer tells apart, when at most one of them is an ordinary Korean word."""
    keys = [key for key in by_key if _HANGUL_KEY.fullmatch(key) and len(key) >= 2]
    _join_spellings(
        keys, lambda key: key.translate(_E_AS_AE), by_key, groups, lambda same: sum(map(is_word, same)) <= 1
    )


def _sai_siot(by_key: dict[str, str], groups: _Groups) -> None:
    """`기댓값` = `기대값`, `고윳값 분해` = `고유값 분해`: the ㅅ that standard spelling adds before `값` (사이시옷),
    which many writers leave out."""
    keys = [key for key in by_key if "값" in key[1:]]
    _join_spellings(keys, lambda key: _SIOT_BEFORE_VALUE.sub(_without_siot, key), by_key, groups)


def _without_siot(match: re.Match[str]) -> str:
    return chr(ord(match.group(1)) - _FINAL_SIOT) + "값"


def _join_spellings(
    keys: list[str],
    spelled: Callable[[str], str],
    by_key: dict[str, str],
    groups: _Groups,
    allowed: Callable[[list[str]], bool] = lambda same: True,
) -> None:
    """Join the entities of `keys` that `spelled` maps to one spelling, where `allowed` accepts the set."""
    spellings: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        spellings[spelled(key)].append(key)
    for same in spellings.values():
        if len(same) > 1 and allowed(same):
            for key in same[1:]:
                groups.join(by_key[key], by_key[same[0]])


def _loanwords(
    forms: dict[str, Counter[str]], by_key: dict[str, str], groups: _Groups, is_word: Callable[[str], bool]
) -> None:
    """A Hangul term joins the one Latin term of the vault it transcribes (`클로저` = `closure`)."""
    consonants: dict[tuple[str, bool], list[tuple[str, Sound]]] = defaultdict(list)
    for key, ident in by_key.items():
        hangul = has_hangul(key)
        if hangul and is_word(key) and not looks_borrowed(key):
            continue
        if hangul and key[-1] in _COPULA_OR_PARTICLE and is_word(key[:-1]) and not looks_borrowed(key[:-1]):
            continue  # `석사인`, `과제인`: a Korean word and what follows it, no loanword
        if not hangul and (not _VOWEL.search(key) or any(_ACRONYM.fullmatch(form) for form in forms[ident])):
            continue  # `SQL`, `HTML`: an acronym is spelled out, not transcribed
        sound = sound_of(key)
        if sound is not None:
            consonants[(sound[0], hangul)].append((ident, sound))
    for (skeleton, hangul), korean in consonants.items():
        if not hangul:
            continue
        for ident, sound in korean:
            latin = {
                groups.find(other)
                for other, english in consonants.get((skeleton, False), ())
                if sound_alike(sound, english)
            }
            # `리팩토링` and `리팩터링` may both join `refactoring`; a term that sounds like two joins neither
            if len(latin) == 1:
                groups.join(ident, latin.pop())


def _infix_dropped(short: str, long: str) -> bool:
    """`과적합` in `과소적합`: the long word with a middle left out, another word, not an abbreviation
    (which takes a syllable or so of each part: `부캠`, `데엔`)."""
    return len(short) >= 3 and short[1:] in long[1:]


def _subsequence(short: str, long: str) -> bool:
    rest = iter(long)
    return all(char in rest for char in short)
