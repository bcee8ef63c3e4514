"""Parse helpers of the positions component: who holds a stance, what a cue governs, and
the two sides of a sequence cue (rules in the module doc of ``positions.py``)."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span, Token

from parley.nlp.statement_parse import Owners

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
CLOSE = ("compound", "poss", "amod", "nmod", "appos")
NOUN_AGENTS = ("by", "from", "of")
FIRST_PERSON = frozenset({"we", "i", "us", "our", "my", "me", "ourselves"})
THIRD_PERSON = frozenset({"he", "she", "him", "her", "his", "hers"})
OTHER_PRONOUNS = frozenset({"they", "them", "their", "it", "its", "who", "which", "that"})
MAX_CLIMB = 12


class Context:
    """The document's actors by token, its statements, and its sentences."""

    def __init__(
        self, doc: Doc, body_nouns: dict[str, str], ids: set[str], light_verbs: frozenset[str]
    ) -> None:
        self.doc = doc
        self.light_verbs = light_verbs
        self.owners = Owners(doc)
        self.ids = ids
        self.body_nouns = body_nouns
        self.actor_at: dict[int, Span] = {}
        self.actors: list[Span] = []
        for span in doc.spans.get("actors", []):
            if span._.kind == "media" or not span._.actor:
                continue
            self.actors.append(span)
            for i in range(span.start, span.end):
                self.actor_at.setdefault(i, span)
        self.statements: list[dict[str, Any]] = list(doc._.statements or [])

    # -- statements -------------------------------------------------------------------------
    def statement_at(self, token: Token) -> dict[str, Any] | None:
        """The innermost statement whose content holds the token (a media or unattributed
        one too: its content is held by no actor)."""
        inside = [s for s in self.statements if s["content_start"] <= token.idx < s["content_end"]]
        return min(inside, key=lambda s: s["content_end"] - s["content_start"], default=None)

    def speakers_at(self, token: Token) -> list[str]:
        statement = self.statement_at(token)
        if statement is None or not statement["speaker_actor"]:
            return []
        sides = [s["actor"] for s in statement.get("speakers") or [] if s.get("actor")]
        if statement["speaker_actor"] not in sides:
            sides.insert(0, statement["speaker_actor"])
        same = [s for s in self.statements if s["cue_start"] == statement["cue_start"]]
        for other in same:
            if other["speaker_actor"] and other["speaker_actor"] not in sides:
                sides.append(other["speaker_actor"])
        return sides

    # -- actors -----------------------------------------------------------------------------
    def resolve(self, token: Token) -> list[str] | None:
        """The actors a subject, agent or possessor names (with its coordinated ones); None
        when it names none (keep looking further up)."""
        found: list[str] = []
        for t in [token, *_conjuncts(token)]:
            for actor in self._one(t):
                if actor not in found:
                    found.append(actor)
        return found or None

    def _one(self, token: Token) -> list[str]:
        span = self.actor_at.get(token.i)
        if span is not None:
            return [str(span._.actor)]
        lower = token.lower_
        if lower in FIRST_PERSON:
            return self.speakers_at(token)
        if lower in THIRD_PERSON:
            for statement in self.statements:  # the speaker of "he said"
                if statement["speaker_start"] == token.idx and statement["speaker_actor"]:
                    return [str(statement["speaker_actor"])]
            return self.speakers_at(token) or self._earlier_person(token)
        if token.pos_ == "PRON":
            return []
        close = [
            str(self.actor_at[c.i]._.actor)
            for c in token.children
            if c.dep_ in CLOSE and c.i in self.actor_at
        ]
        if close:
            return close[:1]
        suffix = self.body_nouns.get(lower)
        if suffix is not None and token.pos_ in ("NOUN", "PROPN"):
            return self._institution(token, suffix)
        return []

    def _earlier_person(self, token: Token) -> list[str]:
        """He/she outside reported speech: the latest person or speaker named before."""
        best: tuple[int, str] | None = None
        for span in self.actors:
            if span.end <= token.i and span._.kind == "person":
                best = (span.start_char, str(span._.actor))
        for statement in self.statements:
            later = best is None or statement["cue_start"] > best[0]
            if statement["cue_end"] <= token.idx and statement["speaker_actor"] and later:
                best = (statement["cue_start"], str(statement["speaker_actor"]))
        return [best[1]] if best else []

    def _institution(self, token: Token, suffix: str) -> list[str]:
        """A bare "the government" or "cabinet": the body of that kind named last before it,
        else that body of the state named last before it."""
        earlier = [s for s in self.actors if s.end <= token.i]
        for span in reversed(earlier):
            if str(span._.actor).endswith("." + suffix):
                return [str(span._.actor)]
        for span in reversed(earlier):
            root = str(span._.actor).split(".", 1)[0]
            candidate = f"{root}.{suffix}"
            return [candidate if candidate in self.ids else root]
        return []

    # -- holders ----------------------------------------------------------------------------
    def own_holders(self, node: Token, *, noun_cue: bool) -> list[str] | None:
        for child in node.children:
            if child.dep_ in SUBJECTS and child.dep_ != "nsubjpass":
                found = self.resolve(child)
                if found:
                    return found
            if child.dep_ == "agent":
                objects = [g for g in child.children if g.dep_ == "pobj"]
                if objects and (found := self.resolve(objects[0])):
                    return found
        if noun_cue:
            if node.i in self.actor_at:  # "French proposal", "American pressure"
                return [str(self.actor_at[node.i]._.actor)]
            for child in node.children:
                if child.dep_ in CLOSE and (found := self.resolve(child)):
                    return found
                if child.dep_ == "prep" and child.lower_ in NOUN_AGENTS:
                    objects = [g for g in child.children if g.dep_ == "pobj"]
                    if objects and (found := self.resolve(objects[0])):
                        return found
                if child.dep_ == "acl":  # "a plan presented by the army"
                    for agent in (g for g in child.children if g.dep_ == "agent"):
                        objects = [g for g in agent.children if g.dep_ == "pobj"]
                        if objects and (found := self.resolve(objects[0])):
                            return found
        return None

    def holders(self, cue: Token, *, speaker_held: bool) -> list[str]:
        """Who holds the stance of a cue (module doc of positions.py)."""
        statement = self.statement_at(cue)
        if speaker_held:
            if statement is not None:
                return self.speakers_at(cue)
            return self.climb(_clause_head(cue).head, statement, skip=_clause_head(cue))
        if cue.pos_ in ("NOUN", "PROPN"):
            found = self.own_holders(cue, noun_cue=True)
            if found:
                return found
            pronoun = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in cue.children)
            head = cue.head.lemma_.lower()
            light = (cue.dep_ == "dobj" and head in self.light_verbs) or (
                cue.dep_ == "attr" and head == "be"  # "its weapons are a red line"
            )
            if not (pronoun or light):
                return []
            return self.climb(cue.head, statement)
        return self.climb(cue, statement)

    def climb(
        self, start: Token, statement: dict[str, Any] | None, skip: Token | None = None
    ) -> list[str]:
        node = start
        noun_cue = start.pos_ in ("NOUN", "PROPN")
        for _ in range(MAX_CLIMB):
            if skip is None or node.i != skip.i:
                found = self.own_holders(node, noun_cue=noun_cue)
                if found:
                    return found
            noun_cue = False
            if node.dep_ in ("relcl", "acl"):  # "France, who ...", "a draft proposing"
                return self.resolve(node.head) or self.speakers_at(start)
            head = node.head
            if head.i == node.i:
                return self._quote_speaker(node) or self.speakers_at(start)
            if node.dep_ == "xcomp":  # control: "asked the army to", "is persuaded to"
                objects = [c for c in head.children if c.dep_ in ("dobj", "dative")]
                objects = objects or [c for c in head.children if c.dep_ == "nsubjpass"]
                if objects:
                    return self.resolve(objects[0]) or []
            if statement is not None and not (
                statement["content_start"] <= head.idx < statement["content_end"]
            ):
                return self.speakers_at(node)
            node = head
        return self.speakers_at(start)

    def _quote_speaker(self, root: Token) -> list[str]:
        """'"...," he continued' parsed as a verb coordinated with the quote."""
        for child in root.children:
            if child.dep_ in ("conj", "parataxis") and child.pos_ == "VERB":
                for subject in (c for c in child.children if c.dep_ == "nsubj"):
                    if found := self.resolve(subject):
                        return found
        return []


def _conjuncts(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_ == "conj"]


def _clause_head(token: Token) -> Token:
    """The verb (or root) of the clause a token sits in."""
    node = token
    for _ in range(MAX_CLIMB):
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("aux", "auxpass"):
            return node
        if node.head.i == node.i:
            return node
        node = node.head
    return node


def clause_head(token: Token) -> Token:
    return _clause_head(token)


def path_depth(token: Token, root: Token, stops: set[int], barriers: frozenset[str]) -> int | None:
    """Steps from ``root`` down to ``token`` (coordination free), or None when the token is
    not below it, sits below another cue (``stops``) or behind a barrier."""
    depth = 0
    node = token
    for _ in range(40):
        if node.i == root.i:
            return depth
        if node.i in stops and node.i != token.i:
            return None
        if node.dep_ in barriers:
            return None
        if node.dep_ != "conj":
            depth += 1
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def subtree_ids(token: Token) -> set[int]:
    return {t.i for t in token.subtree}


def sides(
    anchor: Token, first: Token, sent: tuple[int, int], x_kind: str, y_kind: str
) -> tuple[set[int], set[int], Token] | None:
    """The token sets of the conditioned side (x) and the required side (y) of a sequence
    cue, and the head of the clause it attaches to (for the holder)."""
    doc = anchor.doc
    everything = set(range(*sent))
    if y_kind == "but":
        but = next((t.i for t in doc[anchor.i + 1 : sent[1]] if t.lower_ == "but"), None)
        if but is None:
            return None
        return set(range(anchor.i + 1, but)), set(range(but + 1, sent[1])), _clause_head(anchor)
    if y_kind == "head":  # "Y first"
        head = _clause_head(anchor)
        own = subtree_ids(head) - {c.i for c in head.children if c.dep_ in ("advcl", "conj")}
        own -= {i for c in head.children if c.dep_ in ("advcl", "conj") for i in subtree_ids(c)}
        return everything - own, own, head
    if anchor.pos_ == "ADP" or anchor.dep_ in ("prep", "agent"):
        clause = subtree_ids(anchor)
        attach = anchor.head
    elif anchor.dep_ in ("mark", "advmod") or anchor.pos_ == "SCONJ":
        clause = subtree_ids(anchor.head) if anchor.head.i != anchor.i else {anchor.i}
        attach = anchor.head.head
    else:
        clause = subtree_ids(anchor)
        attach = anchor.head
    if len(clause) <= 1:  # a preposition left without its object: the words after it
        clause = set(range(anchor.i, sent[1]))
    main_head = _clause_head(attach)
    cue = range(first.i, anchor.i + 1)
    if main_head.i in clause or main_head.i in cue:  # "before moving on to X"
        main_head = _clause_head(main_head.head)
    clause -= {i for i in cue if i != anchor.i and i not in subtree_ids(anchor)}
    if main_head.dep_ == "relcl":  # "a plan ..., which would lead to": the antecedent's clause
        main_head = _clause_head(main_head.head)
    main = (subtree_ids(main_head) & everything) - clause
    if not main:
        main = everything - clause
    x = clause if x_kind == "clause" else main
    y = clause if y_kind == "clause" else main
    if x_kind == "rest":
        x = everything - y
    return x, y, main_head
