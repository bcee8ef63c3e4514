"""The lexicon and parse helpers of the events component (``parley.nlp.events``).

``events.toml`` is read once into an :class:`EventLexicon`; the helpers here are pure
functions over spaCy tokens: the clause chain of a trigger, the governing verb of an event
noun, the actors a noun phrase names.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.tokens import Span, Token

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
PRONOUNS = frozenset(
    {"he", "she", "it", "they", "we", "i", "his", "her", "its", "their", "our", "my", "them", "us"}
)
# dependency labels that keep a noun phrase together when its actors are collected
_PHRASE_DEPS = ("conj", "appos", "compound", "amod", "poss", "nmod")


@dataclass(frozen=True)
class EventLexicon:
    """``events.toml``, read once."""

    types: dict[str, str]
    verbs: dict[str, str]  # lemma -> kind
    particle_verbs: dict[str, list[tuple[str, str]]]  # lemma -> [(particle, kind)]
    nouns: dict[str, str]
    weak_nouns: dict[str, str]
    by_object: dict[str, dict[str, str]]  # verb lemma -> object lemma -> kind
    light_verbs: frozenset[str]
    happening_verbs: frozenset[str]
    topic_verbs: frozenset[str]
    modifier_preps: frozenset[str]
    under_nouns: frozenset[str]
    party_nouns: frozenset[str]
    walkout_subjects: frozenset[str]
    agree_concessions: frozenset[str]
    carrier_nouns: frozenset[str]
    ceasefire_compounds: frozenset[str]
    violation_words: frozenset[str]
    topic_preps: frozenset[str]
    of_agent_kinds: frozenset[str]
    content_kinds: frozenset[str]
    anchored_nouns: frozenset[str]
    generic_determiners: frozenset[str]
    generic_modifiers: frozenset[str]
    future_aux: frozenset[str]
    planned_heads: frozenset[str]
    planned_modifiers: frozenset[str]
    hypothetical_aux: frozenset[str]
    conditional_marks: frozenset[str]
    would: frozenset[str]
    proposal_context: frozenset[str]
    claim_cues: frozenset[str]
    speech_kinds: frozenset[str]
    speech_verbs: frozenset[str]
    obligation_modals: frozenset[str]
    directive_verbs: frozenset[str]
    failure_verbs: frozenset[str]
    intent_words: frozenset[str]
    intent_acts: frozenset[str]
    coercive_verbs: frozenset[str]
    threat_heads: frozenset[str]
    threat_marks: frozenset[str]
    conditional_kinds: frozenset[str]
    negated_rejections: frozenset[str]
    permission_verbs: frozenset[str]
    state_nouns: frozenset[str]
    generic_agents: frozenset[str]
    unrealized_preps: frozenset[str]
    effort_nouns: frozenset[str]


def _words(table: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in table.get(key, []))


@lru_cache(maxsize=1)
def event_lexicon() -> EventLexicon:
    """The packaged ``events.toml``."""
    text = (resources.files("parley") / "nlp" / "events.toml").read_text(encoding="utf-8")
    data: dict[str, Any] = tomllib.loads(text)
    verbs: dict[str, str] = {}
    particle_verbs: dict[str, list[tuple[str, str]]] = {}
    nouns: dict[str, str] = {}
    weak: dict[str, str] = {}
    types: dict[str, str] = {}
    for kind, entry in data["kinds"].items():
        types[kind] = str(entry["type"])
        for phrase in entry.get("verbs", []):
            words = str(phrase).lower().split()
            if len(words) == 1:
                verbs.setdefault(words[0], kind)
            else:
                particle_verbs.setdefault(words[0], []).append((words[1], kind))
        for noun in entry.get("nouns", []):
            nouns.setdefault(str(noun).lower(), kind)
        for noun in entry.get("weak_nouns", []):
            weak.setdefault(str(noun).lower(), kind)
    by_object = {
        verb: {str(w).lower(): kind for kind, words in table.items() for w in words}
        for verb, table in data["by_object"].items()
    }
    roles, status, modality = data["roles"], data["status"], data["modality"]
    return EventLexicon(
        types=types,
        verbs=verbs,
        particle_verbs=particle_verbs,
        nouns=nouns,
        weak_nouns=weak,
        by_object=by_object,
        light_verbs=_words(roles, "light_verbs"),
        happening_verbs=_words(roles, "happening_verbs"),
        topic_verbs=_words(roles, "topic_verbs"),
        modifier_preps=_words(roles, "modifier_preps"),
        under_nouns=_words(roles, "under_nouns"),
        party_nouns=_words(roles, "party_nouns"),
        walkout_subjects=_words(roles, "walkout_subjects"),
        agree_concessions=_words(roles, "agree_concessions"),
        carrier_nouns=_words(roles, "carrier_nouns"),
        ceasefire_compounds=_words(roles, "ceasefire_compounds"),
        violation_words=_words(roles, "violation_words"),
        topic_preps=_words(roles, "topic_preps"),
        of_agent_kinds=_words(roles, "of_agent_kinds"),
        content_kinds=_words(roles, "content_kinds"),
        anchored_nouns=_words(roles, "anchored_nouns"),
        generic_determiners=_words(roles, "generic_determiners"),
        generic_modifiers=_words(roles, "generic_modifiers"),
        future_aux=_words(status, "future_aux"),
        planned_heads=_words(status, "planned_heads"),
        planned_modifiers=_words(status, "planned_modifiers"),
        hypothetical_aux=_words(status, "hypothetical_aux"),
        conditional_marks=_words(status, "conditional_marks"),
        would=_words(status, "would"),
        proposal_context=_words(status, "proposal_context"),
        claim_cues=_words(status, "claim_cues"),
        speech_kinds=_words(status, "speech_kinds"),
        speech_verbs=_words(modality, "speech_verbs"),
        obligation_modals=_words(modality, "obligation_modals"),
        directive_verbs=_words(modality, "directive_verbs"),
        failure_verbs=_words(modality, "failure_verbs"),
        intent_words=_words(modality, "intent_words"),
        intent_acts=_words(modality, "intent_acts"),
        coercive_verbs=_words(modality, "coercive_verbs"),
        threat_heads=_words(modality, "threat_heads"),
        threat_marks=_words(modality, "threat_marks"),
        conditional_kinds=_words(modality, "conditional_kinds"),
        negated_rejections=_words(modality, "negated_rejections"),
        permission_verbs=_words(modality, "permission_verbs"),
        state_nouns=_words(roles, "state_nouns"),
        generic_agents=_words(roles, "generic_agents"),
        unrealized_preps=_words(roles, "unrealized_preps"),
        effort_nouns=_words(roles, "effort_nouns"),
    )


# -- parse helpers ------------------------------------------------------------------------------
def is_verb(token: Token) -> bool:
    return token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ not in ("aux", "auxpass"))


def is_noun(token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN")


def passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def prep_objects(token: Token, *words: str) -> Iterator[Token]:
    """The objects of the token's prepositions ``words`` ("attack on Lebanon" -> Lebanon);
    "by" also as the passive ``agent``."""
    for child in token.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in words:
            for obj in child.children:
                if obj.dep_ in ("pobj", "pcomp"):
                    yield obj


def governing_verb(token: Token) -> Token | None:
    """The verb a noun hangs from, through prepositions and noun modifiers."""
    current = token
    for _ in range(6):
        if current.head is current:
            return None
        current = current.head
        if is_verb(current):
            return current
    return None


def clause_chain(token: Token) -> list[Token]:
    """The token, the verb it hangs from (nouns), and the verbs whose auxiliaries also apply
    to it (heads through ``xcomp`` and ``conj``): "will begin withdrawing" -> withdrawing,
    begin."""
    chain = [token]
    current: Token | None = token
    if is_noun(token):
        current = governing_verb(token)
        if current is not None:
            chain.append(current)
    for _ in range(4):
        if current is None or current.dep_ not in ("xcomp", "conj") or current.head is current:
            break
        current = current.head
        chain.append(current)
    return chain


def phrase_tokens(head: Token) -> list[Token]:
    """The tokens of a noun phrase that can name its actors: the head, its modifiers,
    coordinated and apposed nouns, and "of"/"from" objects ("representatives from X, Y and
    Z"); relative clauses and other clauses stay out."""
    out: list[Token] = []
    stack = [head]
    seen: set[int] = set()
    while stack and len(out) < 40:
        token = stack.pop()
        if token.i in seen:
            continue
        seen.add(token.i)
        out.append(token)
        for child in token.children:
            if child.dep_ in _PHRASE_DEPS:
                stack.append(child)
            elif child.dep_ == "prep" and child.lower_ in ("of", "from"):
                stack.extend(c for c in child.children if c.dep_ == "pobj")
            elif child.dep_ == "acl" and child.lemma_.lower() in ("comprise", "include", "involve"):
                stack.extend(c for c in child.children if c.dep_ == "dobj")
                for prep in children(child, "prep"):
                    stack.extend(c for c in prep.children if c.dep_ == "pobj")
    return out


def in_span(token: Token, start: int, end: int) -> bool:
    return start <= token.idx < end


def span_root_chain(span: Span, limit: int = 5) -> Iterator[Token]:
    """The heads above a span's root, nearest first."""
    current = span.root
    for _ in range(limit):
        if current.head is current:
            return
        current = current.head
        yield current
