"""The word lists of the positions component (``positions.toml``) and the matcher built on them.

Every phrase is matched word by word on the lemma or the lower-case form ("*" is any one
token); phrases are tokenised with the pipeline's tokenizer, so "US-Iran" matches as written.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from parley.theater import Theater

# parts of speech a one-word stance cue may have ("back" the verb, not "pull back")
CONTENT_POS = frozenset({"VERB", "NOUN", "ADJ", "AUX", "PROPN"})


@dataclass(frozen=True)
class Family:
    """A family of sequence cues: which side is conditioned (``x``), which required (``y``)."""

    x: str
    y: str
    irrealis: bool
    priority: bool
    cues: tuple[str, ...]


@dataclass(frozen=True)
class PositionLexicon:
    """``positions.toml``, read once."""

    stances: dict[str, tuple[str, ...]]
    speaker_held: frozenset[str]
    anaphoric: frozenset[str]
    anaphora_determiners: frozenset[str]
    look_back: int
    negated: dict[str, str]
    modals: frozenset[str]
    inverse: dict[str, tuple[str, ...]]
    absorbing: frozenset[str]
    absorbing_links: frozenset[str]
    families: tuple[Family, ...]
    order: tuple[str, ...]
    depth_slack: int
    barriers: frozenset[str]
    copulas: frozenset[str]
    light_verbs: frozenset[str]


@lru_cache(maxsize=1)
def position_lexicon() -> PositionLexicon:
    """The packaged ``positions.toml``."""
    text = (resources.files("parley") / "nlp" / "positions.toml").read_text(encoding="utf-8")
    data: dict[str, Any] = tomllib.loads(text)
    stances = data["stances"]
    ranking = data["ranking"]
    names = ("demand", "support", "oppose", "propose", "red_line")
    return PositionLexicon(
        stances={name: tuple(stances[name]) for name in names},
        speaker_held=frozenset(p.lower() for p in stances["speaker_held"]),
        anaphoric=frozenset(stances["anaphoric"]),
        anaphora_determiners=frozenset(stances["anaphora_determiners"]),
        look_back=int(stances["look_back"]),
        negated=dict(data["negated"]),
        modals=frozenset(data["refusal"]["modals"]),
        inverse={issue: tuple(words) for issue, words in data["inverse"].items()},
        absorbing=frozenset(data["absorbing"]["issues"]),
        absorbing_links=frozenset(data["absorbing"]["links"]),
        families=tuple(
            Family(f["x"], f["y"], bool(f["irrealis"]), bool(f.get("priority")), tuple(f["cues"]))
            for f in data["conditions"]
        ),
        order=tuple(ranking["order"]),
        depth_slack=int(ranking["depth_slack"]),
        barriers=frozenset(ranking["barriers"]),
        copulas=frozenset(ranking["copulas"]),
        light_verbs=frozenset(stances["light_verbs"]),
    )


@dataclass(frozen=True)
class Label:
    """What a match is: a stance cue, a sequence cue (family index) or an issue mention."""

    kind: str  # "STANCE", "SEQUENCE" or "ISSUE"
    value: str  # the stance, the family index, or the issue id
    phrase: str
    inverse: bool = False


class PhraseTable:
    """All phrases of the lexicon and the theater's issue triggers in one Matcher."""

    def __init__(self, nlp: Language, lex: PositionLexicon, theater: Theater) -> None:
        # phrases with wildcards go to the Matcher, the others to two PhraseMatchers (on the
        # lower-case form and on the lemma): hash lookups, far cheaper than Matcher patterns
        self._matcher = Matcher(nlp.vocab)
        self._lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._lemma = PhraseMatcher(nlp.vocab, attr="LEMMA")
        self._labels: dict[int, Label] = {}
        # one-word phrases: a lookup by lemma or lower-case form (one pass over the tokens)
        self._words: dict[int, list[Label]] = {}
        entries: list[Label] = []
        for stance, phrases in lex.stances.items():
            entries.extend(Label("STANCE", stance, p) for p in phrases)
        for k, family in enumerate(lex.families):
            entries.extend(Label("SEQUENCE", str(k), p) for p in family.cues)
        for issue in theater.issues:
            entries.extend(Label("ISSUE", issue.id, p) for p in issue.triggers)
        for issue_id, phrases in lex.inverse.items():
            entries.extend(Label("ISSUE", issue_id, p, inverse=True) for p in phrases)
        for n, label in enumerate(entries):
            words = [t.lower_ for t in nlp.make_doc(label.phrase)]
            if len(words) == 1:
                self._words.setdefault(nlp.vocab.strings.add(words[0]), []).append(label)
                continue
            key = nlp.vocab.strings.add(f"POS_{n}")
            self._labels[key] = label
            if "*" in words or "..." in words:
                self._matcher.add(f"POS_{n}", [_pattern(words, "LOWER"), _pattern(words, "LEMMA")])
            else:
                self._lower.add(f"POS_{n}", [Doc(nlp.vocab, words=words)])
                self._lemma.add(f"POS_{n}", [Doc(nlp.vocab, words=words, lemmas=words)])

    def __call__(self, doc: Doc) -> list[tuple[Label, int, int]]:
        """Matches as (label, start, end), overlaps resolved: cues keep the longest, issue
        mentions the longest; a one-word stance cue must be a content word."""
        cues: list[tuple[Label, int, int]] = []
        issues: list[tuple[Label, int, int]] = []
        seen: set[tuple[int, int, int]] = set()
        words = self._words
        for token in doc:
            labels = words.get(token.lower) or words.get(token.lemma) or ()
            for label in labels:
                if label.kind == "STANCE" and token.pos_ not in CONTENT_POS:
                    continue
                (issues if label.kind == "ISSUE" else cues).append((label, token.i, token.i + 1))
        for key, start, end in [*self._matcher(doc), *self._lower(doc), *self._lemma(doc)]:
            if (key, start, end) in seen:
                continue
            seen.add((key, start, end))
            label = self._labels[key]
            (issues if label.kind == "ISSUE" else cues).append((label, start, end))
        return _longest(cues) + _longest(issues)


def _pattern(words: list[str], attr: str) -> list[dict[str, Any]]:
    """ "*" is one or two tokens, "..." up to six, any other word the lemma or lower form."""
    pattern: list[dict[str, Any]] = []
    for word in words:
        if word == "*":
            pattern += [{}, {"OP": "?"}]
        elif word == "...":
            pattern.append({"OP": "{0,6}"})
        else:
            pattern.append({attr: word})
    return pattern


def _longest(found: list[tuple[Label, int, int]]) -> list[tuple[Label, int, int]]:
    found.sort(key=lambda m: (-(m[2] - m[1]), m[1]))
    taken: set[int] = set()
    kept = []
    for label, start, end in found:
        if any(i in taken for i in range(start, end)):
            continue
        taken.update(range(start, end))
        kept.append((label, start, end))
    kept.sort(key=lambda m: m[1])
    return kept
