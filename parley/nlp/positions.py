"""Stances of actors on issues as positions: the ``parley_positions`` component (ANNOTATION.md,
Positions).

One position per (sentence, actor, issue); the stance is ``demand``, ``support``,
``oppose``, ``propose``, ``condition`` or ``red_line``, and ``requires`` lists the issues the
actor wants first. Cue words, sequence patterns and inverse issue phrases are data, in
``positions.toml``; issues are the theater's issue triggers.

1. **Issues**: mentions of the theater's issue triggers; an inverse phrase ("continued
   presence", "keep fighting") names an issue with its sense turned round. A mention
   qualified by an absorbing issue counts for that one ("a ceasefire in Gaza" -> gaza).
   "This demand" or "this French proposal" names the issue of the latest position up to a
   few sentences before.
2. **Stance cues** ("demands", "calling for", "backs", "rejection", "proposal", "red line",
   "must"): each governs the issue mentions of its parse subtree that no nearer cue
   governs and that no relative clause hides, the nearest ones (coordination is free). A
   stance noun that is the subject of "be"/"include" governs the verb's arguments ("Israel's
   primary demand includes ..."). A negated cue takes the stance of ``[negated]``; an
   inverse mention turns demand, support and propose into oppose and oppose into demand. A
   demand or opposition that governs no issue takes the sentence's only issue ("despite a
   rejection by Hezbollah"). A passive cue with no agent, and a stance noun after "this",
   are no cues.
3. **Refusals**: an issue action negated under "will", "would" ... ("We will never hand over
   our weapons") is opposition held by the subject.
4. **Sequence and condition** ("will not X until Y", "X only after Y", "Y before X", "X is a
   prerequisite for Y", "links X to Y", "as long as Y", "Y first", "the key to X is Y",
   "not the time for X but for Y"): the cue's family in ``positions.toml`` says which side
   is conditioned and which is required; each conditioned issue gets ``condition`` with
   ``requires`` the issues of the required side (a mutual "will not halt fire until the
   other halts fire" gives ceasefire requires [ceasefire]). With nothing conditioned, the
   required issue is a priority ``demand`` ("ceasefire before any other file"). Some
   families ("until", "after", "before", "first") state a stance only with a modal, a
   negation, "only" or a stance cue in play. A ``red_line`` of the same actor and issue keeps
   its stance and takes those requires.
5. **Holder**: the cue's subject or agent ("a rejection by Hezbollah"), for a noun its
   possessor or actor modifier ("Israel's desire", "American pressure", "a plan presented
   by the army"), else, climbing the parse, the subject of the clause around it (the object
   of "asked the army to ..."); pronouns "we"/"our" and a cue with no subject inside reported
   speech speak for the statement's speaker(s) (``doc._.statements``); "he" outside reported
   speech is the person named last. A position reported by another party stays with its
   holder ("Lebanese officials say Israel demands ..." -> Israel). Cues such as "must" and
   "any demand for" are held by the speaker. "The government" or "cabinet" with no actor
   resolves to that body of the state named last before it.
6. **One per (sentence, actor, issue)**, a body and its parent state counting as one actor
   (ISR and ISR.GOV; LBN.GOV and LBN.MIL stay apart); a headline the parser joined to the
   sentence below counts alone. The stance ranked first in ``[ranking]`` wins (red_line,
   condition, oppose, demand, propose, support); a demand or refusal on an issue the same
   actor requires in the sentence is said by that ``requires`` and gets no position of its
   own.
7. **date**: a date or time of the sentence that modifies the cue's clause
   (``doc.spans["times"]``), else None.

Results: ``doc._.positions``, a list of plain dicts (see :meth:`PositionTagger.__call__`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from parley.nlp import extensions
from parley.nlp.position_lexicon import Label, PhraseTable, position_lexicon
from parley.nlp.position_parse import Context, clause_head, path_depth, sides, subtree_ids
from parley.nlp.statement_parse import _evidence, doc_text
from parley.theater import Theater

Position = dict[str, Any]
_FLIP = {"demand": "oppose", "support": "oppose", "propose": "oppose", "oppose": "demand"}
_SPEAKER_MODALS = frozenset({"must", "should", "need"})


@dataclass
class _Mention:
    issue: str
    start: int
    end: int
    head: Token
    inverse: bool = False
    anaphoric: bool = False
    # a place ("groups in the Gaza Strip"): it only qualifies other mentions
    locative: bool = False
    # a noun modifier ("the ceasefire monitoring committee")
    modifier: bool = False


@dataclass
class _Cue:
    stance: str
    phrase: str
    start: int
    end: int
    anchor: Token


@dataclass
class _Candidate:
    actor: str
    issue: str
    stance: str
    cue: tuple[int, int]
    anchor: Token
    requires: list[str] = field(default_factory=list)
    line: tuple[int, int] = (0, 0)


class PositionTagger:
    """Finds positions and sets ``doc._.positions`` (rules in the module doc)."""

    def __init__(self, nlp: Language, name: str, theater: Theater) -> None:
        extensions.register()
        self.name = name
        self.theater = theater
        self.lex = position_lexicon()
        self.table = PhraseTable(nlp, self.lex, theater)
        self._body_nouns = {
            noun.lower(): suffix
            for suffix, nouns in theater.lexicon.body_nouns.items()
            for noun in nouns
            if " " not in noun
        }
        self._ids = {actor.id for actor in theater.actors}
        self._rank = {stance: k for k, stance in enumerate(self.lex.order)}
        self._speaker_held = self.lex.speaker_held

    def __call__(self, doc: Doc) -> Doc:
        """Set ``doc._.positions``: dicts with ``start``, ``end`` (the evidence sentence),
        ``actor``, ``issue``, ``stance``, ``requires``, ``cue``, ``cue_start``, ``cue_end`` and
        ``date`` (a TIMEX3 value or None)."""
        ctx = Context(doc, self._body_nouns, self._ids, self.lex.light_verbs)
        matches = self.table(doc)
        records: list[Position] = []
        for first, last in zip(ctx.owners.starts, ctx.owners.ends, strict=True):
            found = [(label, s, e) for label, s, e in matches if first <= s < last]
            if not found:
                continue
            records.extend(self._sentence(doc, ctx, (first, last), found, records))
        doc._.positions = records
        return doc

    # -- one sentence -----------------------------------------------------------------------
    def _sentence(
        self,
        doc: Doc,
        ctx: Context,
        sent: tuple[int, int],
        found: list[tuple[Label, int, int]],
        earlier: list[Position],
    ) -> list[Position]:
        mentions = self._mentions(doc, sent, found, earlier)
        if not mentions:
            return []
        cues = [c for label, s, e in found if (c := self._cue(doc, label, s, e)) is not None]
        # an issue belongs to the nearest verb cue above it; proposing is no barrier, since
        # backing or rejecting a plan to do X is a stance on X
        stops = {
            c.anchor.i for c in cues if c.anchor.pos_ in ("VERB", "AUX") and c.stance != "propose"
        }
        anchors = {c.anchor.i for c in cues}
        candidates: list[_Candidate] = []
        for cue in cues:
            line = _evidence(doc, cue.anchor, ctx.owners)
            own = [m for m in mentions if line[0] <= m.head.idx < line[1]]
            candidates.extend(self._stance(ctx, cue, own, stops))
        candidates.extend(self._refusals(ctx, mentions, stops))
        for label, s, e in found:
            if label.kind == "SEQUENCE":
                candidates.extend(self._sequence(ctx, label, s, e, sent, mentions, anchors))
        return self._records(doc, ctx, candidates)

    def _mentions(
        self,
        doc: Doc,
        sent: tuple[int, int],
        found: list[tuple[Label, int, int]],
        earlier: list[Position],
    ) -> list[_Mention]:
        mentions = [
            _Mention(label.value, s, e, doc[s:e].root, inverse=label.inverse)
            for label, s, e in found
            if label.kind == "ISSUE"
        ]
        by_token = {i: m for m in mentions for i in range(m.start, m.end)}
        for mention in mentions:
            head = mention.head
            mention.modifier = (
                head.dep_ in ("compound", "amod")
                and head.head.i not in by_token
                and "\n"
                not in doc_text(doc)[min(head.idx, head.head.idx) : max(head.idx, head.head.idx)]
            )
            if mention.issue in self.lex.absorbing:
                mention.locative = head.dep_ == "pobj" and head.head.lower_ in ("in", "inside")
                continue
            tokens = list(doc[mention.start : mention.end])
            if head.dep_ in ("nsubj", "nsubjpass"):  # "a ceasefire is established in Gaza"
                tokens.append(head.head)
            for token in tokens:
                links = [token] if token.lower_ in self.lex.absorbing_links else []
                links += [
                    c
                    for c in token.children
                    if c.dep_ == "prep" and c.lower_ in self.lex.absorbing_links
                ]
                for link in links:
                    for obj in link.children:
                        other = by_token.get(obj.i)
                        if obj.dep_ == "pobj" and other and other.issue in self.lex.absorbing:
                            mention.issue = other.issue
        sent_start = doc[sent[0]].idx
        recent = [p for p in earlier if p["end"] <= sent_start]
        if recent:
            back = {p["start"] for p in recent}
            window = sorted(back)[-self.lex.look_back :]
            previous = [p for p in recent if p["start"] >= window[0]]
            for token in doc[sent[0] : sent[1]]:
                if self._anaphoric(token):
                    mentions.append(
                        _Mention(previous[-1]["issue"], token.i, token.i + 1, token, anaphoric=True)
                    )
        return mentions

    def _anaphoric(self, token: Token) -> bool:
        return token.lemma_.lower() in self.lex.anaphoric and any(
            c.dep_ == "det" and c.lower_ in self.lex.anaphora_determiners for c in token.children
        )

    def _cue(self, doc: Doc, label: Label, start: int, end: int) -> _Cue | None:
        if label.kind != "STANCE":
            return None
        span = doc[start:end]
        anchor = span.root
        if anchor.pos_ in ("ADP", "SCONJ", "DET", "PRON", "PART"):
            inside = [t for t in span if t.pos_ in ("VERB", "NOUN", "ADJ", "AUX")]
            if not inside:
                return None
            anchor = inside[0]
        if self._anaphoric(anchor):
            return None
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in anchor.children)
        if passive and not any(c.dep_ == "agent" for c in anchor.children):
            return None
        return _Cue(label.value, label.phrase.lower(), start, end, anchor)

    # -- stance cues ------------------------------------------------------------------------
    def _scope_root(self, anchor: Token) -> Token:
        if anchor.lower_ in _SPEAKER_MODALS or anchor.tag_ == "MD":
            return anchor.head
        if anchor.pos_ == "ADJ" and anchor.dep_ in ("acomp", "oprd", "ccomp", "xcomp"):
            return anchor.head
        if anchor.dep_ in ("nsubj", "nsubjpass", "attr") and anchor.head.lemma_ in self.lex.copulas:
            return anchor.head  # "Israel's demand includes X", "X is a red line"
        if anchor.dep_ == "dobj" and anchor.head.lemma_.lower() in self.lex.light_verbs:
            return anchor.head  # "voiced opposition ... to Resolution 1701"
        return anchor

    def _stance(
        self, ctx: Context, cue: _Cue, mentions: list[_Mention], stops: set[int]
    ) -> list[_Candidate]:
        anchor = cue.anchor
        mentions = [m for m in mentions if not m.locative]
        root = self._scope_root(anchor)
        excluded: set[int] = set()
        for child in root.children:
            if child.dep_ == "nsubj" and ctx.resolve(child):
                excluded |= subtree_ids(child)
        inner = stops - {anchor.i, root.i}
        scored: list[tuple[int, _Mention]] = []
        for mention in mentions:
            if mention.head.i in excluded:
                continue
            depth = path_depth(mention.head, root, inner, self.lex.barriers)
            if depth is not None:
                scored.append((depth, mention))
        speaker_held = cue.phrase in self._speaker_held
        holders = ctx.holders(anchor, speaker_held=speaker_held)
        if not holders:
            return []
        if scored:
            best = min(d for d, _ in scored)
            chosen = [m for d, m in scored if d <= best + self.lex.depth_slack]
        elif cue.stance in ("demand", "oppose"):
            plain = [m for m in mentions if not m.modifier]
            chosen = [m for m in mentions if m.anaphoric] or (
                plain if len({m.issue for m in plain}) == 1 else []
            )
            chosen = chosen[:1]
        else:
            chosen = []
        stance: str | None = cue.stance
        if any(c.dep_ == "neg" for c in anchor.children) or (
            root.i != anchor.i and any(c.dep_ == "neg" for c in root.children)
        ):
            stance = self.lex.negated.get(cue.stance)
        if stance is None:
            return []
        out = []
        for mention in chosen:
            own = _FLIP.get(stance, stance) if mention.inverse else stance
            for holder in holders:
                out.append(_Candidate(holder, mention.issue, own, (cue.start, cue.end), anchor))
        return out

    def _refusals(
        self, ctx: Context, mentions: list[_Mention], stops: set[int]
    ) -> list[_Candidate]:
        out = []
        for mention in mentions:
            verb = mention.head
            for _ in range(3):
                if verb.pos_ == "VERB" or verb.head.i == verb.i:
                    break
                verb = verb.head
            if verb.pos_ != "VERB" or verb.i in stops:
                continue
            negated = any(c.dep_ == "neg" for c in verb.children)
            modal = any(c.lower_ in self.lex.modals for c in verb.children if c.dep_ == "aux")
            if not (negated and modal):
                continue
            stance = "demand" if mention.inverse else "oppose"
            for holder in ctx.holders(verb, speaker_held=False):
                out.append(_Candidate(holder, mention.issue, stance, (verb.i, verb.i + 1), verb))
        return out

    # -- sequence and condition -------------------------------------------------------------
    def _sequence(
        self,
        ctx: Context,
        label: Label,
        start: int,
        end: int,
        sent: tuple[int, int],
        mentions: list[_Mention],
        stops: set[int],
    ) -> list[_Candidate]:
        doc = ctx.doc
        family = self.lex.families[int(label.value)]
        anchor = doc[end - 1]
        if family.y == "head" and anchor.dep_ != "advmod":
            return []
        found = sides(anchor, doc[start], sent, family.x, family.y)
        if found is None:
            return []
        x, y, main_head = found
        if family.irrealis and not self._irrealis(doc, anchor, start, main_head, stops):
            return []
        line = _evidence(doc, anchor, ctx.owners)
        mentions = [m for m in mentions if line[0] <= m.head.idx < line[1] and not m.locative]
        needed = [m for m in mentions if m.head.i in y]
        if any(not m.modifier for m in needed):  # "obligations under the ceasefire agreement"
            needed = [m for m in needed if not m.modifier]
        if needed:  # the nearest required issues ("control the region along the Blue Line")
            depths = [_tree_depth(m.head) for m in needed]
            top = min(depths) + self.lex.depth_slack
            needed = [m for m, d in zip(needed, depths, strict=True) if d <= top]
        required = _distinct(m.issue for m in needed)
        if not required:
            return []
        conditioned = _distinct(m.issue for m in mentions if m.head.i in x)
        # "Y first": held by whoever wants Y first, not by the one who is to do Y
        holders = ctx.holders(main_head, speaker_held=family.y == "head")
        if not holders and main_head.dep_ == "acl":  # "a plan outlining X, which would lead to"
            holders = ctx.holders(main_head.head, speaker_held=False)
        out = []
        for holder in holders:
            if conditioned:
                for issue in conditioned:
                    out.append(
                        _Candidate(holder, issue, "condition", (start, end), anchor, required)
                    )
            elif family.priority:
                for issue in required:
                    out.append(_Candidate(holder, issue, "demand", (start, end), anchor))
        return out

    def _irrealis(
        self, doc: Doc, anchor: Token, start: int, main_head: Token, stops: set[int]
    ) -> bool:
        heads = {main_head, anchor.head, clause_head(anchor)}
        for head in heads:
            for t in [head, *head.children]:
                if t.tag_ == "MD" or t.dep_ == "neg" or t.i in stops:
                    return True
        if start > 0 and doc[start - 1].lower_ == "only":
            return True
        return any(t.i in stops for t in anchor.ancestors)

    # -- records ----------------------------------------------------------------------------
    def _records(self, doc: Doc, ctx: Context, candidates: list[_Candidate]) -> list[Position]:
        conditions: dict[tuple[str, str], list[str]] = {}
        for c in candidates:
            c.line = _evidence(doc, c.anchor, ctx.owners)
        lines = sorted({c.line for c in candidates})
        if len(lines) > 1:  # a headline parsed into the sentence below it: each line alone
            return [
                record
                for line in lines
                for record in self._records(doc, ctx, [c for c in candidates if c.line == line])
            ]
        for c in candidates:
            if c.stance == "condition":
                key = (_root(c.actor), c.issue)
                conditions[key] = _distinct([*conditions.get(key, []), *c.requires])
        required = {(actor, issue) for (actor, _), needs in conditions.items() for issue in needs}
        best: dict[tuple[str, str], _Candidate] = {}
        for c in candidates:
            root_key = (_root(c.actor), c.issue)
            if c.stance in ("demand", "oppose") and root_key in required:  # said by requires
                continue
            if c.stance == "red_line" and root_key in conditions:
                c.requires = conditions[root_key]
            # one per actor and issue; a body and its parent state are one actor here
            key = next(
                (k for k in best if k[1] == c.issue and _related(k[0], c.actor)),
                (c.actor, c.issue),
            )
            current = best.get(key)
            if current is None or self._better(c, current):
                best.pop(key, None)
                best[(c.actor, c.issue)] = c
        records = []
        text = doc_text(doc)
        for c in sorted(best.values(), key=lambda c: (c.cue[0], c.actor, c.issue)):
            start, end = c.line
            cue_start = doc[c.cue[0]].idx
            last = doc[c.cue[1] - 1]
            cue_end = last.idx + len(last.text)
            records.append(
                {
                    "start": start,
                    "end": end,
                    "actor": c.actor,
                    "issue": c.issue,
                    "stance": c.stance,
                    "requires": list(c.requires),
                    "cue": text[cue_start:cue_end],
                    "cue_start": cue_start,
                    "cue_end": cue_end,
                    "date": _date(doc, c.anchor, (start, end)),
                }
            )
        return records

    def _better(self, new: _Candidate, old: _Candidate) -> bool:
        a, b = self._rank.get(new.stance, 99), self._rank.get(old.stance, 99)
        if a != b:
            return a < b
        return new.actor.count(".") > old.actor.count(".")


def _tree_depth(token: Token) -> int:
    """Steps from the root of the parse down to the token (coordination free)."""
    depth = 0
    node = token
    while node.head.i != node.i and depth < 60:
        depth += node.dep_ != "conj"
        node = node.head
    return depth


def _related(a: str, b: str) -> bool:
    """The same actor, or one a part of the other (ISR and ISR.GOV, not LBN.GOV and LBN.MIL)."""
    return a == b or a.startswith(b + ".") or b.startswith(a + ".")


def _root(actor: str) -> str:
    return actor.split(".", 1)[0]


def _distinct(items: Any) -> list[str]:
    out: list[str] = []
    for item in items:
        if item not in out:
            out.append(item)
    return out


def _date(doc: Doc, anchor: Token, bounds: tuple[int, int]) -> str | None:
    """A date of the sentence that modifies the cue's clause, or None."""
    times: list[Span] = list(doc.spans["times"]) if "times" in doc.spans else []
    head = clause_head(anchor)
    for span in times:
        if not (bounds[0] <= span.start_char < bounds[1]):
            continue
        if span._.timex_type not in ("DATE", "TIME") or not span._.value:
            continue
        ancestors = {t.i for t in span.root.ancestors}
        if anchor.i in ancestors or span.root.head.i == head.i:
            return str(span._.value)
    return None
