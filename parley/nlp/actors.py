"""Actor mentions resolved to theater ids: the ``parley_actors`` component.

Rules, in the order they claim tokens (a token belongs to one mention):

1. **Media** outlets (theater ``media``) are marked as media, never actors, and their
   words are claimed first ("Times of Israel" is no mention of Israel).
2. **Names and aliases** of actors, and **full names of people** (person -> the body the
   person speaks for: "Marco Rubio" -> USA.GOV, kind ``person``). All-capital aliases
   ("US", "UN", "IDF") match case-sensitively, others in any case.
3. **Seats** of power ("Baabda") always stand for their actor.
4. **Short names** of people ("Rubio") resolve when the full name came earlier in the
   document or spaCy tags the word as a PERSON.
5. **Demonym phrases**: "Israeli" + a noun. The noun (the head the demonym modifies, also
   through coordination: "Israeli and Lebanese officials") picks a child actor from the
   lexicon's ``body_nouns`` ("army" -> MIL -> ISR.MIL, "officials" -> GOV -> ISR.GOV);
   other nouns keep the state ("the Lebanese delegation" -> LBN).
6. **Metonyms**: a capital stands for its government when it acts: it is the subject of a
   verb, or a metonym verb of the lexicon follows it ("Washington is pushing"). Otherwise
   it is a place and left to the places component.
7. **Anaphora** ("the group", "the movement"): the most recent armed group mentioned
   earlier in the document; none before -> no mention.
8. Remaining PERSON, ORG and NORP entities of the statistical NER stay as **unresolved**
   mentions (actor None) with their label, never forced onto an id.

Results: ``doc.spans["actors"]`` with ``span._.actor`` (id or None), ``span._.kind`` and
``span.label_`` (``ACTOR``, ``PERSON``, ``MEDIA`` or the NER label of an unresolved one).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from parley.nlp import extensions
from parley.theater import Actor, Theater

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
UNRESOLVED_LABELS = {"PERSON", "ORG", "NORP"}


@dataclass(frozen=True)
class _Target:
    actor: str | None
    kind: str
    label: str
    rule: str


# claim(start, end, target) -> whether the tokens were still free and now form a mention
_Claim = Callable[[int, int, "_Target"], bool]


def _is_acronym(phrase: str) -> bool:
    letters = [c for c in phrase if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(phrase) <= 6


class ActorRecognizer:
    """Finds actor mentions and resolves them to theater ids (rules in the module doc)."""

    def __init__(self, nlp: Language, name: str, theater: Theater) -> None:
        extensions.register()
        self.name = name
        self.theater = theater
        self._kinds = {a.id: a.kind for a in theater.actors}
        self._exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._shorts = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._capitals = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._targets: dict[str, _Target] = {}
        self._short_targets: dict[str, tuple[_Target, str]] = {}
        self._capital_targets: dict[str, _Target] = {}
        self._demonyms: dict[str, str] = {}
        self._anaphora = PhraseMatcher(nlp.vocab, attr="LOWER")
        for outlet in theater.media:
            for alias in {outlet.name, *outlet.aliases}:
                self._add(nlp, alias, _Target(None, "media", "MEDIA", f"media:{outlet.name}"))
        for actor in theater.actors:
            self._add_actor(nlp, actor)
        self._body_nouns = {
            noun.lower(): suffix
            for suffix, nouns in theater.lexicon.body_nouns.items()
            for noun in nouns
        }
        self._metonym_verbs = {v.lower() for v in theater.lexicon.metonym_verbs}
        self._group_nouns = {n.lower() for n in theater.lexicon.group_nouns}

    # -- building the matchers ----------------------------------------------------------
    def _add(self, nlp: Language, phrase: str, target: _Target) -> None:
        key = f"{target.rule}|{phrase}"
        self._targets[key] = target
        matcher = self._exact if _is_acronym(phrase) else self._folded
        matcher.add(key, [nlp.make_doc(phrase)])

    def _add_actor(self, nlp: Language, actor: Actor) -> None:
        target = _Target(actor.id, actor.kind, "ACTOR", f"alias:{actor.id}")
        for alias in {actor.name, *actor.aliases, *actor.seats}:
            self._add(nlp, alias, target)
        for person in actor.people:
            person_target = _Target(actor.id, "person", "PERSON", f"person:{person.name}")
            self._add(nlp, person.name, person_target)
            for title in person.titles:  # "Secretary of State Marco Rubio", "Prime Minister Salam"
                for name in (person.name, *person.short):
                    self._add(nlp, f"{title} {name}", person_target)
            for short in person.short:
                key = f"short:{short}"
                self._short_targets[key] = (person_target, person.name)
                self._shorts.add(key, [nlp.make_doc(short)])
        for demonym in actor.demonyms:  # acronyms keep their case: "US", never "us"
            self._demonyms.setdefault(
                demonym if _is_acronym(demonym) else demonym.lower(), actor.id
            )
        for capital in actor.metonyms:
            key = f"capital:{capital}"
            self._capital_targets[key] = _Target(actor.id, actor.kind, "ACTOR", key)
            self._capitals.add(key, [nlp.make_doc(capital)])
        if actor.anaphora:
            self._anaphora.add(f"anaphora:{actor.id}", [nlp.make_doc(p) for p in actor.anaphora])

    # -- the component --------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        taken = [False] * len(doc)
        found: list[Span] = []

        def claim(start: int, end: int, target: _Target) -> bool:
            if any(taken[start:end]):
                return False
            for i in range(start, end):
                taken[i] = True
            span = Span(doc, start, end, label=target.label)
            span._.actor = target.actor
            span._.kind = target.kind
            span._.rule = target.rule.split(":", 1)[0]
            found.append(span)
            return True

        matches = [
            (start, end, self._targets[doc.vocab.strings[key]])
            for matcher in (self._exact, self._folded)
            for key, start, end in matcher(doc)
        ]
        # media first, then longer phrases before the shorter ones inside them
        matches.sort(key=lambda m: (m[2].kind != "media", -(m[1] - m[0]), m[0]))
        for start, end, target in matches:
            claim(start, end, target)

        self._shorts_and_capitals(doc, found, claim)
        self._demonym_phrases(doc, claim, taken, found)
        self._resolve_anaphora(doc, found, claim)
        for ent in doc.ents:
            if ent.label_ in UNRESOLVED_LABELS:
                claim(ent.start, ent.end, _Target(None, "unresolved", ent.label_, "ner"))
        found.sort(key=lambda s: (s.start, s.end))
        doc.spans["actors"] = found
        return doc

    def _shorts_and_capitals(self, doc: Doc, found: list[Span], claim: _Claim) -> None:
        person_tokens = {t.i for ent in doc.ents if ent.label_ == "PERSON" for t in ent}
        for key, start, end in self._shorts(doc):
            target, full_name = self._short_targets[doc.vocab.strings[key]]
            earlier = any(s.end <= start and s.text == full_name for s in found)
            if earlier or start in person_tokens:
                claim(start, end, target)
        for key, start, end in self._capitals(doc):
            if self._acts(doc, start, end):
                claim(start, end, self._capital_targets[doc.vocab.strings[key]])

    def _acts(self, doc: Doc, start: int, end: int) -> bool:
        """A capital acts when it is a subject or a metonym verb follows it."""
        if any(t.dep_ in SUBJECT_DEPS for t in doc[start:end]):
            return True
        after = doc[end : end + 2]
        return bool(after) and (
            after[0].lower_ in self._metonym_verbs
            or (len(after) == 2 and after[0].lower_ in ("is", "has") and after[1].pos_ == "VERB")
        )

    def _demonym_phrases(
        self, doc: Doc, claim: _Claim, taken: list[bool], found: list[Span]
    ) -> None:
        for token in doc:
            root = self._demonyms.get(token.text) or self._demonyms.get(token.lower_)
            if root is None or taken[token.i]:
                continue
            head = _modified_noun(token)
            actor = root
            end = token.i + 1
            if head is not None:
                if head.i + 1 < len(doc) and taken[head.i + 1] and head.i > token.i:
                    continue  # "the Palestinian group Hamas": it describes the named actor
                if head.lower_ in self._group_nouns:  # "the Palestinian group attacked"
                    group = _last_armed_group(found, token.i)
                    if group is not None and head.i > token.i:
                        claim(
                            token.i, head.i + 1, _Target(group, "armed_group", "ACTOR", "anaphora")
                        )
                    continue
                suffix = self._body_suffix(head)
                if suffix and self.theater.actor(f"{root}.{suffix}") is not None:
                    actor = f"{root}.{suffix}"
                between = doc[token.i + 1 : head.i]
                if 0 < head.i - token.i <= 4 and not any(
                    t.text in self._demonyms or t.lower_ in self._demonyms for t in between
                ):
                    end = head.i + 1  # the whole phrase, unless it coordinates demonyms
            kind = self._kinds.get(actor, "state")
            target = _Target(actor, kind, "ACTOR", f"demonym:{root}")
            if not claim(token.i, end, target):
                claim(token.i, token.i + 1, target)

    def _body_suffix(self, head: Token) -> str | None:
        compound = " ".join(
            t.lower_ for t in head.lefts if t.dep_ == "compound" and t.pos_ == "NOUN"
        )
        for candidate in (f"{compound} {head.lower_}".strip(), head.lower_, head.lemma_.lower()):
            if candidate in self._body_nouns:
                return self._body_nouns[candidate]
        return None

    def _resolve_anaphora(self, doc: Doc, found: list[Span], claim: _Claim) -> None:
        """An anaphor names the armed group mentioned last before it (any group's list)."""
        for _key, start, end in self._anaphora(doc):
            group = _last_armed_group(found, start)
            if group is not None:
                claim(start, end, _Target(group, "armed_group", "ACTOR", "anaphora"))


def _last_armed_group(found: list[Span], before: int) -> str | None:
    earlier = [s for s in found if s._.kind == "armed_group" and s._.actor and s.end <= before]
    return max(earlier, key=lambda s: s.start)._.actor if earlier else None


def _modified_noun(token: Token) -> Token | None:
    """The noun a demonym modifies ("Israeli and Lebanese officials" -> officials)."""
    current = token
    for _ in range(3):
        if current.dep_ == "conj":
            current = current.head
            continue
        break
    if current.dep_ in ("amod", "compound", "nmod", "npadvmod") and current.head.pos_ in (
        "NOUN",
        "PROPN",
    ):
        return current.head
    return None
