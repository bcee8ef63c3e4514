"""Reported speech as source-attributed statements: the ``parley_statements`` component.

One statement per speech act that carries propositional content (ANNOTATION.md, Statements):

1. **Verb cues** (``attribution.SPEECH_VERBS``): the content is the verb's ``ccomp`` (a
   that-clause or a quote, before or after the verb); some verbs also take a noun phrase
   ("confirmed the momentum"), some need a frame ("accused X of ...", "made it clear ...").
   The speaker is the verb's subject, found through participles and coordination ("...,
   noting that"), relative clauses ("X, who said") and participial modifiers ("with a source
   saying"). A passive without an agent ("is said to") has no speaker and is hedged.
2. **"according to X"**: the speaker is X, the content the rest of the clause.
3. **"reportedly"** and the like: an unattributed, hedged statement, unless the adverb lies
   inside the content of another statement of the sentence (then it only hedges that one).
4. **Report nouns**: "reports of X", "reports that X", "the reports are that X".

Speakers resolve through ``doc.spans["actors"]``: a media outlet in the speaker phrase makes a
media statement (speaker actor None, medium the outlet), otherwise the actor of the phrase's
head or its first resolved actor. Pronouns and definite anaphors ("he", "the source", "the
statement") take the speaker, anonymity and medium of the latest earlier statement. A
coordinated speaker ("UNIFIL and the IDF", "Israeli and Lebanese officials") gives one
statement per side with the same content; ``speakers`` lists every side.

Results: ``doc._.statements``, a list of plain dicts, one per statement (see
:func:`StatementTagger.__call__`), and ``doc.spans["statements"]``, the evidence sentence of
each (for display; two statements of one sentence share it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from parley.nlp import attribution as lex
from parley.nlp import extensions
from parley.nlp.statement_parse import (
    TEXT_CACHE,
    Owners,
    _adjacent_quote,
    _clause_content,
    _clip,
    _coordinated,
    _dateline,
    _evidence,
    _framed,
    _line,
    _modifier_compound,
    _np_content,
    _on_line,
    _phrase,
    _polnear_adjective_content,
    _polnear_content,
    _polnear_noun_content,
    _polnear_noun_speaker,
    _quote_beside,
    _quoted,
    _quoted_regions,
    _speaker_heads,
    _subtree_chars,
    doc_text,
)
from parley.theater import Theater

Statement = dict[str, Any]
#: What the component can follow: parley's ANNOTATION.md, or PolNeAR's guidelines.
GUIDELINES: tuple[str, ...] = ("parley", "polnear")


@dataclass
class _Speaker:
    text: str | None = None
    start: int | None = None
    end: int | None = None
    actor: str | None = None
    medium: str | None = None
    anonymous: bool = True
    head: Token | None = None
    anaphoric: bool = False
    lemma: str = ""


@dataclass
class _Found:
    """One speech act before speaker sides and anaphora are resolved."""

    cue: str
    cue_start: int
    cue_end: int
    content: tuple[int, int]
    anchor: Token
    speakers: list[_Speaker] = field(default_factory=list)
    medium: str | None = None
    polarity: str = "assert"
    hedged: bool = False


class StatementTagger:
    """Finds statements and sets ``doc.spans["statements"]`` (rules in the module doc)."""

    def __init__(
        self, nlp: Language, name: str, theater: Theater, *, guidelines: str = "parley"
    ) -> None:
        if guidelines not in GUIDELINES:
            raise ValueError(f"guidelines {guidelines!r} is unknown; use one of {GUIDELINES}")
        extensions.register()
        self.name = name
        self.theater = theater
        self.guidelines = guidelines
        self.polnear = guidelines == "polnear"
        self._outlets: dict[str, str] = {}
        for outlet in theater.media:
            for alias in {outlet.name, *outlet.aliases}:
                self._outlets[alias.lower()] = outlet.name
        self._body_nouns = {
            noun.lower(): suffix
            for suffix, nouns in theater.lexicon.body_nouns.items()
            for noun in nouns
        }
        self._group_nouns = {n.lower() for n in theater.lexicon.group_nouns}
        self._ids = {actor.id for actor in theater.actors}
        self._matcher = Matcher(nlp.vocab)
        self._speech = lex.SPEECH_VERBS | lex.FRAME_VERBS | lex.QUOTE_ONLY_VERBS
        verbs = sorted(self._speech | (lex.POLNEAR_VERBS if self.polnear else frozenset()))
        self._matcher.add(
            "VERB",
            [
                [{"LEMMA": {"IN": verbs}, "POS": {"IN": ["VERB", "AUX"]}}],
                [{"LOWER": {"IN": sorted(lex.LEMMA_FIXES)}, "POS": {"IN": ["VERB", "AUX"]}}],
            ],
        )
        self._matcher.add("ACCORDING", [[{"LOWER": "according"}, {"LOWER": "to"}]])
        self._matcher.add("ADVERB", [[{"LOWER": {"IN": sorted(lex.HEDGE_ADVERBS)}}]])
        self._matcher.add("NOUN", [[{"LEMMA": {"IN": sorted(lex.REPORT_NOUNS)}, "POS": "NOUN"}]])
        labels = ["VERB", "ACCORDING", "ADVERB", "NOUN"]
        if self.polnear:
            nouns = sorted(lex.POLNEAR_NOUNS)
            self._matcher.add("PNOUN", [[{"LEMMA": {"IN": nouns}, "POS": "NOUN"}]])
            adjectives = sorted(lex.POLNEAR_ADJECTIVES)
            self._matcher.add("ADJ", [[{"LOWER": {"IN": adjectives}, "POS": "ADJ"}]])
            labels += ["PNOUN", "ADJ"]
        # match ids are string hashes; keep their names here, since docs may come with
        # another vocab (a DocBin read back)
        self._labels = {nlp.vocab.strings.add(label): label for label in labels}

    # -- the component --------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        """Set ``doc._.statements`` (and their sentences in ``doc.spans["statements"]``): dicts with
        ``start``, ``end`` (the evidence sentence), ``speaker_text``, ``speaker_start``,
        ``speaker_end``, ``speakers`` (``[{text, actor, start, end}]``), ``speaker_actor``,
        ``anonymous``, ``cue``, ``cue_start``, ``cue_end``, ``content_start``,
        ``content_end``, ``medium``, ``polarity`` (``assert``/``deny``) and ``hedged``."""
        owners = Owners(doc)
        for span in doc.spans.get("actors", []):
            for i in range(span.start, span.end):
                owners[i] = span
        found: list[_Found] = []
        adverbs: list[Token] = []
        for key, start, end in self._matcher(doc):
            label = self._labels[key]
            token = doc[start]
            item: _Found | None = None
            if label == "VERB":
                item = self._verb(doc, token, owners)
            elif label == "ACCORDING":
                item = self._according(doc, token, doc[end - 1], owners)
            elif label == "NOUN":
                item = self._report_noun(doc, token, owners)
            elif label == "PNOUN":
                item = self._polnear_noun(doc, token, owners)
            elif label == "ADJ":
                item = self._polnear_adjective(doc, token, owners)
            else:
                adverbs.append(token)
            if item is not None:
                found.append(item)
        for adverb in adverbs:
            item = self._adverb(doc, adverb, found, owners)
            if item is not None:
                found.append(item)
        if self.polnear:
            found.extend(self._colon_lines(doc, owners))
            regions = _quoted_regions(doc_text(doc))
            found = [f for f in _outermost(found) if not _inside(f.cue_start, regions)]
        found.sort(key=lambda f: (f.cue_start, f.content[0]))
        records = self._emit(doc, found, owners)
        doc._.statements = records
        doc.spans["statements"] = [
            span
            for r in records
            if (span := doc.char_span(r["start"], r["end"], alignment_mode="expand")) is not None
        ]
        TEXT_CACHE.clear()
        return doc

    # -- cues -------------------------------------------------------------------------------
    def _speech_content(
        self, doc: Doc, verb: Token, lemma: str, owners: Owners
    ) -> tuple[tuple[int, int] | None, int, str]:
        """(content, cue end, polarity) of a speech-act verb by parley's own guidelines."""
        cue_end = verb.idx + len(verb.text)
        content = _clause_content(verb)
        polarity = "deny" if lemma in lex.DENY_VERBS else "assert"
        if lemma in lex.FRAME_VERBS:
            framed = _framed(verb, lemma)
            if framed is None:
                return None, cue_end, polarity
            content, cue_end, polarity = framed[0], framed[1], framed[2] or polarity
        elif lemma in lex.QUOTE_ONLY_VERBS:
            content = content or _quote_beside(verb)
            if content is None or not _quoted(doc, content):
                return None, cue_end, polarity
        elif content is None and lemma in lex.NP_VERBS:
            content = _np_content(verb)
        if content is None and lemma in ("say", "add", "tell", "state", "declare"):
            content = _adjacent_quote(doc, verb, owners)
        if content is None and lemma in lex.QUOTE_VERBS:
            content = _quote_beside(verb)
        return content, cue_end, polarity

    def _verb(self, doc: Doc, verb: Token, owners: Owners) -> _Found | None:
        lemma = lex.LEMMA_FIXES.get(verb.lower_, verb.lemma_.lower())
        if not self.polnear and any(c.dep_ == "neg" for c in verb.children):
            return None
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            return None  # a participle describing a noun ("disputed points") is no speech act
        content: tuple[int, int] | None = None
        cue_end = verb.idx + len(verb.text)
        polarity = "deny" if lemma in lex.DENY_VERBS else "assert"
        if lemma in self._speech:
            content, cue_end, polarity = self._speech_content(doc, verb, lemma, owners)
        if content is None and self.polnear and lemma in lex.CUE_LEMMAS:
            content = _polnear_content(verb, lemma)
        bounds = _line(doc, verb, owners)
        if content is not None and _beside(doc, content, bounds):
            # a quote the parser split off into sentences of its own: keep it whole
            bounds = (content[0], bounds[1])
        content = _clip(doc, content, bounds)
        if content is None:
            return None
        passive = any(
            c.dep_ in lex.PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children
        )
        item = _Found(
            cue=doc_text(doc)[verb.idx : cue_end],
            cue_start=verb.idx,
            cue_end=cue_end,
            content=content,
            anchor=verb,
            polarity=polarity,
            hedged=lemma in lex.HEDGE_VERBS or passive,
        )
        raising = self.polnear and lemma in lex.POLNEAR_RAISING
        subjects = [] if raising else _speaker_heads(verb, passive)
        heads = [_on_line(doc, h, verb, bounds[0]) for h in subjects]
        item.speakers = [self._speaker(doc, h, owners) for h in heads if h is not None]
        item.medium = self._medium(doc, verb, item, owners)
        return item

    def _polnear_noun(self, doc: Doc, noun: Token, owners: Owners) -> _Found | None:
        """A noun cue by PolNeAR's guidelines ("his claim that ...", "calls for ...")."""
        if noun.dep_ == "compound":
            return None
        content = _clip(doc, _polnear_noun_content(noun), _line(doc, noun, owners))
        if content is None:
            return None
        holder = _polnear_noun_speaker(noun)
        item = _Found(
            cue=noun.text,
            cue_start=noun.idx,
            cue_end=noun.idx + len(noun.text),
            content=content,
            anchor=noun,
        )
        if holder is not None:
            item.speakers = [self._speaker(doc, holder, owners)]
        return item

    def _polnear_adjective(self, doc: Doc, adjective: Token, owners: Owners) -> _Found | None:
        """An attitude adjective of a subject ("Democrats are concerned that ...")."""
        if adjective.dep_ not in ("acomp", "amod", "xcomp", "oprd"):
            return None
        content = _clip(doc, _polnear_adjective_content(adjective), _line(doc, adjective, owners))
        if content is None:
            return None
        item = _Found(
            cue=adjective.text,
            cue_start=adjective.idx,
            cue_end=adjective.idx + len(adjective.text),
            content=content,
            anchor=adjective,
        )
        head = adjective.head
        if adjective.dep_ == "amod":
            item.speakers = [self._speaker(doc, head, owners)]
        else:
            subjects = [c for c in head.children if c.dep_ in lex.SUBJECT_DEPS]
            item.speakers = [self._speaker(doc, h, owners) for h in subjects[:1]]
        return item

    def _colon_lines(self, doc: Doc, owners: Owners) -> list[_Found]:
        """Headlines and interview lines "NAME: words" (PolNeAR counts the colon as cue), and
        quotes tagged afterwards with a dash and the source ('"..." ― Jane Doe')."""
        items: list[_Found] = []
        text = doc_text(doc)
        matches = list(lex.COLON_LINE_RE.finditer(text))
        names = [m.group("name") for m in matches]
        speakers = {n for n in names if names.count(n) > 1}  # a transcript: "SMITH: ..." lines
        for match in matches:
            colon = match.end("name")
            content = lex.trim_content(text, match.start("content"), match.end("content"))
            token_index = next((t.i for t in doc if t.idx >= colon), None)
            if content[1] - content[0] < 8 or token_index is None:
                continue
            item = _Found(
                cue=":",
                cue_start=colon,
                cue_end=colon + 1,
                content=content,
                anchor=doc[token_index],
            )
            name = doc.char_span(match.start("name"), colon, alignment_mode="expand")
            if name is None or not (name.text in speakers or _source_name(name)):
                continue
            item.speakers = [self._speaker(doc, name.root, owners)]
            items.append(item)
        for match in lex.DASH_TAG_RE.finditer(text):
            dash = match.start("dash")
            content = lex.trim_content(text, match.start("content"), match.end("content"))
            name = doc.char_span(match.start("name"), match.end("name"), alignment_mode="expand")
            if content[1] - content[0] < 8 or name is None:
                continue
            items.append(
                _Found(
                    cue=text[dash],
                    cue_start=dash,
                    cue_end=dash + 1,
                    content=content,
                    anchor=name[0],
                    speakers=[self._speaker(doc, name.root, owners)],
                )
            )
        return items

    def _according(self, doc: Doc, according: Token, to: Token, owners: Owners) -> _Found | None:
        objects = [c for c in to.children if c.dep_ == "pobj"] or [
            c for c in according.children if c.dep_ == "pobj"
        ]
        if not objects:
            return None
        obj = objects[0]
        previous = doc[according.i - 1] if according.i > 0 else None
        if (previous is not None and previous.pos_ in ("VERB", "AUX")) or (
            obj.lemma_.lower() in lex.NON_SOURCES
        ):
            return None
        line_start, line_end = _line(doc, according, owners)
        left = (line_start, according.idx)
        tail = obj.right_edge
        right = (tail.idx + len(tail.text), line_end)
        side = left if left[1] - left[0] >= right[1] - right[0] else right
        content = lex.trim_content(doc_text(doc), *side)
        if content[1] - content[0] < 3:
            return None
        item = _Found(
            cue=doc_text(doc)[according.idx : to.idx + len(to.text)],
            cue_start=according.idx,
            cue_end=to.idx + len(to.text),
            content=content,
            anchor=according,
        )
        item.speakers = [self._speaker(doc, h, owners) for h in _coordinated(obj)]
        item.medium = next((s.medium for s in item.speakers if s.medium), None)
        return item

    def _report_noun(self, doc: Doc, noun: Token, owners: Owners) -> _Found | None:
        content: tuple[int, int] | None = None
        if any(c.lower_ in ("no", "any") or c.dep_ == "neg" for c in noun.children):
            return None
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    content = _subtree_chars(doc, objs[0])
            elif child.dep_ in ("acl", "ccomp") and any(
                g.dep_ == "mark" and g.lower_ == "that" for g in child.children
            ):
                content = _subtree_chars(doc, child)
        if content is None and noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
            clauses = [c for c in noun.head.children if c.dep_ == "ccomp"]
            if clauses:
                content = _subtree_chars(doc, clauses[0])
        if content is None:
            return None
        content = _clip(doc, content, _line(doc, noun, owners))
        if content is None:
            return None
        sources = [owners[i] for i in range(noun.left_edge.i, noun.i) if i in owners]
        if sources:  # "the IDF report that", "a Reuters report of"
            speaker = self._speaker(doc, sources[-1].root, owners)
        else:
            speaker = _Speaker(
                text=noun.text, start=noun.idx, end=noun.idx + len(noun.text), head=noun
            )
            speaker.lemma = noun.lemma_.lower()
        return _Found(
            cue=noun.text,
            cue_start=noun.idx,
            cue_end=noun.idx + len(noun.text),
            content=content,
            anchor=noun,
            speakers=[speaker],
            medium=speaker.medium,
            hedged=True,
        )

    def _adverb(
        self, doc: Doc, adverb: Token, found: list[_Found], owners: Owners
    ) -> _Found | None:
        for other in found:
            if other.content[0] <= adverb.idx < other.content[1]:
                other.hedged = True
                return None
        head = adverb.head
        _line_start, line_end = _line(doc, adverb, owners)
        start = adverb.idx + len(adverb.text)
        if adverb.i == owners.sent(adverb)[0]:  # "Reportedly, ..."
            end = line_end
        else:
            right = head.right_edge
            end = min(right.idx + len(right.text), line_end)
            if head.i < adverb.i:
                start = adverb.idx + len(adverb.text)
        content = lex.trim_content(doc_text(doc), start, end)
        if content[1] - content[0] < 3:
            return None
        return _Found(
            cue=adverb.text,
            cue_start=adverb.idx,
            cue_end=adverb.idx + len(adverb.text),
            content=content,
            anchor=adverb,
            speakers=[_Speaker()],
            hedged=True,
        )

    # -- speakers and media -------------------------------------------------------------------
    def _speaker(self, doc: Doc, head: Token, owners: Owners) -> _Speaker:
        start, end = _phrase(head)
        spans: list[Span] = []
        for i in range(start, end):
            span = owners.get(i)
            if (
                span is not None
                and (not spans or spans[-1] is not span)
                and not _modifier_compound(doc, span)
                and not _dateline(doc, span)
            ):
                spans.append(span)
        speaker = _Speaker(
            text=doc[start:end].text,
            start=doc[start].idx,
            end=doc[end - 1].idx + len(doc[end - 1].text),
            head=head,
            lemma=head.lemma_.lower(),
        )
        media = [s for s in spans if s._.kind == "media"]
        if media:
            speaker.medium = self._outlet(media[0])
            speaker.anonymous = False
            return speaker
        at_head = owners.get(head.i)
        resolved = [s for s in spans if s._.actor]
        if at_head is not None and at_head._.actor:
            speaker.actor = at_head._.actor
        elif resolved:
            speaker.actor = resolved[0]._.actor
        lemma = head.lemma_.lower()
        named = any(s._.kind == "person" for s in spans) or any(
            t.ent_type_ == "PERSON" for t in doc[start:end]
        )
        speaker.anonymous = lemma in lex.ANON_NOUNS and not named
        pronoun = head.lower_ in lex.PRONOUNS
        definite = (
            lemma in lex.ANAPHOR_NOUNS
            and not spans
            and any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in head.children)
            and end - start <= 3
        )
        speaker.anaphoric = pronoun or definite
        if pronoun:
            speaker.anonymous = False
        return speaker

    def _outlet(self, span: Span) -> str:
        key = span.text.lower()
        return self._outlets.get(key) or self._outlets.get(key.removeprefix("the ")) or span.text

    def _medium(self, doc: Doc, verb: Token, item: _Found, owners: Owners) -> str | None:
        for speaker in item.speakers:
            if speaker.medium:
                return speaker.medium
        targets = {verb.i} | {s.head.i for s in item.speakers if s.head is not None}
        first, last = owners.sent(verb)
        seen: set[int] = set()
        for i in range(first, last):
            span = owners.get(i)
            if span is None or span.start in seen or span._.kind != "media":
                continue
            seen.add(span.start)
            if item.content[0] <= span.start_char < item.content[1]:
                continue
            token = span.root
            for _ in range(5):
                if token.dep_ not in lex.MEDIUM_DEPS or token.head is token:
                    break
                token = token.head
                if token.i in targets:
                    return self._outlet(span)
        return None

    # -- output -------------------------------------------------------------------------------
    def _emit(self, doc: Doc, found: list[_Found], owners: Owners) -> list[Statement]:
        records: list[Statement] = []
        history: list[tuple[Statement, _Speaker]] = []
        actors = list(doc.spans["actors"]) if "actors" in doc.spans else []
        for item in found:
            sides = [s for s in item.speakers if s.text is not None] or [_Speaker()]
            if self.polnear:  # one attribution per cue, with a compound source
                sides = sides[:1]
            for side in sides:
                self._resolve(side, history, item, actors, owners)
            speakers = [
                {"text": s.text, "actor": s.actor, "start": s.start, "end": s.end} for s in sides
            ]
            sent_start, sent_end = _evidence(doc, item.anchor, owners)
            for side in sides:
                record: Statement = {
                    "start": sent_start,
                    "end": sent_end,
                    "speaker_text": side.text,
                    "speaker_start": side.start,
                    "speaker_end": side.end,
                    "speakers": speakers,
                    "speaker_actor": side.actor,
                    "anonymous": side.anonymous,
                    "cue": item.cue,
                    "cue_start": item.cue_start,
                    "cue_end": item.cue_end,
                    "content_start": item.content[0],
                    "content_end": item.content[1],
                    "medium": item.medium or side.medium,
                    "polarity": item.polarity,
                    "hedged": item.hedged,
                }
                history.append((record, side))
                records.append(record)
        return records

    def _resolve(
        self,
        side: _Speaker,
        history: list[tuple[Statement, _Speaker]],
        item: _Found,
        actors: list[Span],
        owners: Owners,
    ) -> None:
        """Fill a speaker the phrase itself does not resolve: anaphors take the latest
        earlier speaker; a name or an institution ("the health ministry") seen before takes
        that speaker's actor; an armed-group noun ("the movement") the last armed group; a
        bare institution the state named last before it in the sentence."""
        earlier = [(r, s) for r, s in history if r["cue_start"] < item.cue_start]
        if side.anaphoric:
            for record, _ in reversed(earlier):
                if record["speaker_text"] is None:
                    continue
                if record["medium"] and record["speaker_actor"] is None and not record["anonymous"]:
                    continue  # a media report is no antecedent of "he" or "the source"
                side.actor = record["speaker_actor"]
                side.anonymous = bool(record["anonymous"])
                side.medium = side.medium or record["medium"]
                if item.medium is None:
                    item.medium = record["medium"]
                return
        if side.actor is not None or side.medium is not None or side.head is None:
            return
        head = side.head
        for record, other in reversed(earlier):
            if record["speaker_actor"] is None or record["speaker_text"] is None:
                continue
            if (head.pos_ == "PROPN" and head.text in record["speaker_text"]) or (
                side.lemma in self._body_nouns and other.lemma == side.lemma
            ):
                side.actor = record["speaker_actor"]
                return
        if side.lemma in self._group_nouns:
            groups = [a for a in actors if a._.kind == "armed_group" and a.end <= head.i]
            if groups and groups[-1]._.actor:
                side.actor = groups[-1]._.actor
            return
        suffix = self._body_nouns.get(side.lemma) or self._body_nouns.get(head.lower_)
        if suffix is None or side.anonymous:
            return
        sent_start = owners.sent(item.anchor)[0]
        states = [
            span
            for span in actors
            if sent_start <= span.start
            and span.end <= head.i
            and span._.actor
            and span._.kind not in ("media", "armed_group", "person")
        ]
        outside = [s for s in states if not item.content[0] <= s.start_char < item.content[1]]
        for span in (outside or states)[-1:]:
            root = str(span._.actor).split(".", 1)[0]
            side.actor = f"{root}.{suffix}" if f"{root}.{suffix}" in self._ids else root


def _outermost(found: list[_Found]) -> list[_Found]:
    """PolNeAR annotates only the outermost of nested attributions: drop a cue that lies
    inside the content of a longer one."""
    kept: list[_Found] = []

    def order(f: _Found) -> tuple[int, bool, int]:
        # longest content first; of equal ones, a cue outside its content ("X, Sanders said")
        # before one inside it ("X would be considered Y")
        return f.content[0] - f.content[1], f.content[0] <= f.cue_start < f.content[1], f.cue_start

    for item in sorted(found, key=order):
        if any(o.content[0] <= item.cue_start < o.content[1] for o in kept):
            continue
        kept.append(item)
    return kept


def _inside(offset: int, regions: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in regions)


def _source_name(name: Span) -> bool:
    """Whether the words before a line's colon can be a source: a noun phrase (no verb), not
    a bare place ("Iowa:") nor a label ("Editor's note:")."""
    words = [t for t in name if not t.is_punct]
    if not words or len(words) > 4 or any(t.pos_ in ("VERB", "AUX") for t in words):
        return False
    if any(t.lower_ in lex.COLON_NON_SOURCES for t in words):
        return False
    if all(t.ent_type_ in ("GPE", "LOC", "DATE", "TIME") for t in words):
        return False
    shout = len(words) == 1 and words[0].text.isupper() and len(words[0].text) > 3
    return not shout or words[0].ent_type_ in ("PERSON", "ORG")  # "BOOM:", but "WALLACE:"


def _beside(doc: Doc, content: tuple[int, int], bounds: tuple[int, int]) -> bool:
    """A content that starts before the cue's sentence, on the same line, in quotation marks."""
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, bounds[0]) + 1
    return line_start <= content[0] < bounds[0] and _quoted(doc, content)
