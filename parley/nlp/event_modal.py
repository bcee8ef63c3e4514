"""Triggers carried by modality and polarity (events component, ``parley.nlp.events``).

A conflict analyst reads some acts off the way a clause is framed rather than off its verb:

- **Obligation**: a speech verb over a "must"/"should" clause is a demand by the speaker
  ("the minister said that Israel must withdraw"); the clause is its content.
- **Directives**: "ordered/instructed X to do Y" is a demand on X.
- **Intent**: "willing/ready/prepared to do X" is a commitment: a concession when X is a
  yielding act ("willing to hand over its weapons"), a threat when X is coercive ("prepared to
  impose a curfew", "ready to strike"), else an agreement ("ready to host a meeting").
- **Coercion announced**: a coercive measure (boycott, blockade, sanctions, curfew) that a party
  says it will or would take is a threat; an act under "unless" is a threat too ("will pull
  its troops out unless ...").
- **Refusal by negation**: "will not accept", "did not agree", "would not meet the demands" are
  rejections; "failed to reach an agreement" too.

The word lists are data, in the ``[modality]`` table of ``events.toml``.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from parley.nlp.event_parse import EventLexicon, children, is_verb

KindOf = Callable[[Token], "str | None"]


def negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in ("never", "not") for c in verb.children)


def _auxes(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}


def obligation(verb: Token, lex: EventLexicon) -> Token | None:
    """The "must"/"should" clause of a speech verb ("said that Israel must withdraw")."""
    if verb.lemma_.lower() not in lex.speech_verbs or negated(verb):
        return None
    for clause in children(verb, "ccomp"):
        for head in [clause, *children(clause, "conj")]:
            if _auxes(head) & lex.obligation_modals:
                return head
    return None


def intent_complement(token: Token, lex: EventLexicon) -> Token | None:
    """The act a party says it is willing, ready or prepared to do."""
    if token.lower_ not in lex.intent_words or negated(token):
        return None
    for comp in children(token, "xcomp"):
        if is_verb(comp):
            return comp
    return None


def future(verb: Token, lex: EventLexicon) -> bool:
    """Whether a verb is announced for the future: "will", "would", or the complement of a
    plan, readiness or threat ("plans to impose", "prepared to impose")."""
    if _auxes(verb) & (lex.future_aux | lex.would):
        return True
    current = verb
    for _ in range(3):
        if current.dep_ != "xcomp" or current.head is current:
            return False
        current = current.head
        if (
            current.lemma_.lower() in lex.planned_heads | lex.threat_heads
            or current.lower_ in lex.intent_words
        ):
            return True
        if _auxes(current) & (lex.future_aux | lex.would):
            return True
    return False


def conditional_threat(verb: Token, lex: EventLexicon) -> bool:
    """An act held over another party: "will withdraw its force unless ..."."""
    return any(
        c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in lex.threat_marks for m in c.children)
        for c in verb.children
    )


def modal_kind(token: Token, kind: str | None, lex: EventLexicon, kind_of: KindOf) -> str | None:
    """The kind of a verb or adjective once its modality and polarity are read (module doc);
    ``kind`` is the kind of its own lexicon entry, ``kind_of`` finds the kind of another token."""
    lemma = token.lemma_.lower()
    if lemma in lex.permission_verbs and (
        token.tag_ == "VBG"
        or (
            token.dep_ != "xcomp"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        )
    ):
        return None  # "(in order) to allow the army to deploy", "allowing aid to reach": purposes
    if negated(token):
        if lemma in lex.negated_rejections and kind in ("agreement", "concession", "talks"):
            return "rejection"
        return kind
    if lemma in lex.coercive_verbs and future(token, lex):
        return "threat"
    if kind in lex.conditional_kinds and conditional_threat(token, lex):
        return "threat"
    if kind is not None:
        return kind
    if obligation(token, lex) is not None:
        return "demand"
    if lemma in lex.directive_verbs and children(token, "dobj") and children(token, "xcomp"):
        return "demand"
    if lemma in lex.failure_verbs:
        for failed in children(token, "xcomp"):
            if kind_of(failed) in ("agreement", "ceasefire"):
                return "rejection"
        return None
    comp = intent_complement(token, lex)
    if comp is not None:
        comp_lemma = comp.lemma_.lower()
        comp_kind = kind_of(comp)
        if comp_lemma in lex.coercive_verbs or comp_kind in ("attack", "threat"):
            return "threat"
        if comp_kind is None and comp_lemma not in lex.intent_acts:
            return None
        if comp_lemma in lex.agree_concessions or comp_kind in ("concession", "release"):
            return "concession"
        return "agreement"
    return None


def negation_kept(verb: Token, kind: str, lex: EventLexicon) -> bool:
    """Whether a negated verb is still an event: a refusal read off its negation."""
    return kind == "rejection" and verb.lemma_.lower() in lex.negated_rejections
