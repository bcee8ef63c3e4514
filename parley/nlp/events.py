"""Events: the ``parley_events`` component (ANNOTATION.md, Events).

One event per distinct happening of a sentence whose kind is in the theater's table: talks,
proposals, agreements, ceasefires, demands, rejections, concessions, releases, withdrawals,
deployments, attacks, accusations, threats and support. The trigger words, the PLOVER type of
each kind and the other word lists are data, in ``events.toml``.

1. **Triggers**: verbs ("met", "agreed", "withdrew", "struck") and event nouns ("talks",
   "proposal", "withdrawal", "airstrikes") of the lexicon. Some verbs take their kind from
   their object ("handed over detainees" -> release, "... weapons" -> concession); "agree to
   release" is a concession, "agreed to a ceasefire" a ceasefire. Nouns are no events when
   they are generic ("any demand"), only a topic or object of another act ("the talks will
   address the withdrawal", "rejected the proposal"), a bare modifier ("during the meeting"),
   a compound modifier ("a ceasefire proposal"), or, for ``weak_nouns`` ("war", "conflict"),
   when nothing anchors them (no actor, no date). A ceasefire noun needs a predicate ("taking
   effect", "was initiated", "facilitated by"). Negated verbs are no events, nor are acts of
   generic agents ("anyone who calls for") or gerunds under "before"/"without". Modality and
   polarity carry acts of their own (``event_modal``): "said that X must" is a demand,
   "willing/ready to" a commitment, an announced coercive measure or an act under "unless"
   a threat, "will not accept" and "failed to reach a deal" rejections.
2. **Roles** from the parse: ``a`` is the subject (through ``xcomp``, ``conj``, relative
   clauses and participles), the passive agent ("released by Israel"), or for nouns the
   possessor, a demonym ("Israeli strikes"), "by"/"from"/"of" phrases, or the subject of a
   light verb ("Israel launched an attack"); coordination collects every conjunct. ``b`` is
   the object, the passive subject, or an "on"/"against"/"to"/"with" phrase. Talks list every
   participant in ``a`` and leave ``b`` empty. Actors are ``doc.spans["actors"]`` (media are
   never actors).
3. **Resolution across sentences**: talks without participants take those of the latest
   talks of the article, "the parties"/"the two sides" too; pronouns take the speaker of the
   statement they are in, else the agent of the preceding sentence; an event with no agent
   takes that of the same kind in the preceding sentence.
4. **Status**: ``proposed`` for proposals and the content of a plan ("under the plan ...
   would"); ``denied`` inside a denial; ``hypothetical`` under "if"/"unless" or "may",
   "might", "could"; ``planned`` for "will", "expected to", "would" and "imminent";
   ``claimed`` when it rests on one party's word about another party's act (the speaker is
   the target, the act is a violation, or the cue is "claim"/"accuse"); else ``occurred``.
   A demand, rejection, support, threat or accusation in the actor's own statement is the
   speech act itself: ``occurred``, dated by the speech.
5. **Date**: the start of a campaign anchored with "since" (a "since" phrase or clause),
   else the TIMEX3 value of a time attached to the trigger, its light verb, the happening
   predicate of its noun, the clause that frames it ("as ...", "by firing") or an "at"/
   "during" adjunct of that clause. An undated happening that occurred takes the date of its
   occasion: a dated report of it in the simple past or present perfect ("reported on
   Tuesday that the sides have agreed"; not "had struck"), the wire dateline of the lead,
   the same kind and agent elsewhere in the article (a later mention only when this one is
   not in the past perfect), and for the headline the publication day. Ongoing processes
   get none. **Place**: a place attached to the trigger.
6. **Issues**: the theater's issue triggers in the sentence.
7. One event per (sentence, kind, agent, date, status): duplicates merge, and an event
   without agent merges into one with an agent.

Results: ``doc._.events``, a list of plain dicts (see :meth:`EventTagger.__call__`).
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from parley.nlp import extensions
from parley.nlp.event_context import Context, Found, add_ids, merge, occasion_date, ongoing, roots
from parley.nlp.event_modal import modal_kind, negated, negation_kept, obligation
from parley.nlp.event_parse import (
    PRONOUNS,
    EventLexicon,
    children,
    clause_chain,
    event_lexicon,
    governing_verb,
    is_noun,
    is_verb,
    passive,
    prep_objects,
)
from parley.nlp.statement_parse import _evidence
from parley.theater import Theater

EventDict = dict[str, Any]
_TARGET_PREPS = ("on", "against", "to", "toward", "towards", "at", "into", "targeting")
_OBJECT_CONTROL = frozenset(
    {"ask", "urge", "call", "press", "request", "force", "persuade", "tell", "want", "push"}
)
_DEFINITE = frozenset({"the", "this", "these", "that", "those"})


class EventTagger:
    """Finds events and sets ``doc._.events`` (rules in the module doc)."""

    def __init__(self, nlp: Language, name: str, theater: Theater) -> None:
        extensions.register()
        self.name = name
        self.theater = theater
        self.lex: EventLexicon = event_lexicon()
        self._bodies = {
            noun.lower(): suffix
            for suffix, nouns in theater.lexicon.body_nouns.items()
            for noun in nouns
        }
        self._issues = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._issue_keys: dict[int, str] = {}
        for issue in theater.issues:
            key = nlp.vocab.strings.add(f"ISSUE_{issue.id}")
            self._issue_keys[key] = issue.id
            self._issues.add(f"ISSUE_{issue.id}", [nlp.make_doc(t) for t in issue.triggers])

    # -- the component --------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        """Set ``doc._.events``: dicts with ``start``, ``end`` (the evidence sentence),
        ``trigger``, ``trigger_start``, ``trigger_end``, ``kind``, ``type``, ``a``, ``b``,
        ``issues``, ``date``, ``place``, ``lat``, ``lon`` and ``status``."""
        ctx = Context(doc, self.lex, self._bodies)
        found: list[Found] = []
        for token in doc:
            kind = self._kind(token, ctx)
            if kind is None:
                continue
            event = self._event(token, kind, ctx)
            if event is not None:
                found.append(event)
        found += self._accusations(found, ctx)
        found.sort(key=lambda e: e.trigger.i)
        self._resolve(found, ctx)
        issues = self._sentence_issues(doc, ctx)
        doc._.events = [self._record(e, issues, ctx) for e in merge(found)]
        return doc

    # -- triggers ---------------------------------------------------------------------------
    def _kind(self, token: Token, ctx: Context) -> str | None:
        lex = self.lex
        lemma, lower = token.lemma_.lower(), token.lower_
        if is_verb(token) or token.tag_.startswith("VB"):
            if token.dep_ in ("amod", "compound"):
                return None  # "Iran-backed", "US-proposed": modifiers, not happenings
            return modal_kind(
                token, self._verb_kind(token, lemma), lex, lambda t: self._kind(t, ctx)
            )
        if token.pos_ == "ADJ" and lower in lex.intent_words:
            return modal_kind(token, None, lex, lambda t: self._kind(t, ctx))
        if is_noun(token):
            kind = lex.nouns.get(lower) or lex.nouns.get(lemma)
            if kind is None:
                kind = lex.weak_nouns.get(lower) or lex.weak_nouns.get(lemma)
            if kind == "agreement" and any(
                c.dep_ == "compound" and c.lower_ in lex.ceasefire_compounds for c in token.children
            ):
                return "ceasefire"
            if kind == "agreement" and any(
                c.dep_ in ("compound", "amod") and c.lower_ in ("draft", "proposed")
                for c in token.children
            ):
                return "proposal"  # "a draft agreement"
            return kind
        return None

    def _verb_kind(self, token: Token, lemma: str) -> str | None:
        """The kind of a verb's own lexicon entry (particle, object, "agree")."""
        lex = self.lex
        particles = lex.particle_verbs.get(lemma, [])
        for deps in (("prt", "advmod"), ("prep",)):  # "called off ... on Friday": the particle
            for particle, particle_kind in particles:
                if any(c.dep_ in deps and c.lower_ == particle for c in token.children):
                    return particle_kind
        if lemma in lex.by_object:
            return self._by_object(token, lemma)
        if lemma == "agree":
            return self._agree(token)
        kind = lex.verbs.get(lemma)
        if kind == "withdrawal" and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in lex.walkout_subjects for c in token.children
        ):
            return "rejection"  # ministers withdrew from the session: a walkout
        return kind

    def _by_object(self, verb: Token, lemma: str) -> str | None:
        table = self.lex.by_object[lemma]
        objects = children(verb, "dobj", "nsubjpass") + list(prep_objects(verb, "over"))
        if verb.dep_ in ("acl", "relcl") and is_noun(verb.head):
            objects.append(verb.head)  # "a plan presented by the army"
        for obj in objects:
            for word in (obj.lower_, obj.lemma_.lower()):
                if word in table:
                    return table[word]
        return self.lex.verbs.get(lemma)

    def _agree(self, verb: Token) -> str:
        lex = self.lex
        for comp in children(verb, "xcomp"):
            if comp.lemma_.lower() in lex.agree_concessions:
                return "concession"
        for obj in prep_objects(verb, "to"):
            if lex.nouns.get(obj.lower_) == "ceasefire" and not self._predicated(obj):
                return "ceasefire"
        return "agreement"

    def _predicated(self, noun: Token) -> bool:
        """A noun with its own happening predicate ("a ceasefire, starting at 4 am")."""
        words = self.lex.happening_verbs | {"take", "start", "begin"}
        return any(
            c.dep_ in ("acl", "relcl")
            and c.lemma_.lower() in words
            and not any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
            for c in noun.children
        )

    # -- one event --------------------------------------------------------------------------
    def _event(self, token: Token, kind: str, ctx: Context) -> Found | None:
        if is_noun(token) and not token.tag_.startswith("VB"):
            return self._noun_event(token, kind, ctx)
        return self._verb_event(token, kind, ctx)

    def _verb_event(self, verb: Token, kind: str, ctx: Context) -> Found | None:
        if negated(verb) and not negation_kept(verb, kind, self.lex):
            return None
        if (
            verb.dep_ == "acl"
            and is_noun(verb.head)
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        ):
            return None  # "efforts to support stability": a purpose, not a happening
        if verb.dep_ == "pcomp" and verb.head.lower_ in self.lex.unrealized_preps:
            return None  # "before calling for ...", "without withdrawing": not done
        agents = self._verb_agents(verb, ctx)
        if agents and all(a.lower_ in self.lex.generic_agents for a in agents):
            return None  # "anyone who calls for ...": no party acts
        content = verb
        while content.dep_ == "conj" and content.head is not content:
            content = content.head
        if (
            content.dep_ in ("xcomp", "ccomp")
            and self._kind(content.head, ctx) in self.lex.content_kinds
        ):
            return None  # "asked the army to present its plan": the content of a demand
        event = Found(trigger=verb, kind=kind, anchor=verb)
        agents = self._verb_agents(verb, ctx)
        self._fill_agents(event, agents, ctx)
        objects = children(verb, "nsubjpass") if passive(verb) else children(verb, "dobj")
        if kind == "talks":
            for agent in agents:
                add_ids(event.a, ctx.clause_free_actors(agent))
            if verb.lemma_.lower() != "meet":
                objects = []
            for target in objects + list(prep_objects(verb, "with", "between")):
                add_ids(event.a, ctx.actors(target))
        else:
            for target in objects + list(prep_objects(verb, *_TARGET_PREPS, "with")):
                add_ids(event.b, ctx.actors(target))
        clause = obligation(verb, self.lex) if kind == "demand" else None
        for target in children(clause, "nsubj") if clause is not None else []:
            add_ids(event.b, ctx.actors(target))  # "said that Israel must withdraw"
        return self._finish(event, ctx)

    def _noun_event(self, noun: Token, kind: str, ctx: Context) -> Found | None:
        lex = self.lex
        if any(
            c.dep_ in ("det", "neg") and c.lower_ in lex.generic_determiners for c in noun.children
        ) or any(c.dep_ == "amod" and c.lower_ in lex.generic_modifiers for c in noun.children):
            return None
        anchor = noun
        if noun.dep_ == "appos":
            return None  # a description of another noun ("efforts, an initiative ...")
        if noun.dep_ == "compound":
            effort = kind in ("talks", "proposal") and noun.head.lower_ in lex.effort_nouns
            if noun.head.lower_ not in lex.carrier_nouns and not effort:
                return None  # "a ceasefire proposal", "the rocket path"
            anchor = noun.head
        if (
            noun.dep_ == "pobj"
            and noun.head.lower_ == "of"
            and noun.head.head.lower_ in lex.carrier_nouns
        ):
            anchor = noun.head.head  # "a wave of airstrikes"
        head = anchor.head
        head_lemma = head.lemma_.lower()
        raising = anchor.dep_ == "nsubjpass" and bool(children(head, "xcomp"))
        objected = anchor.dep_ in ("dobj", "nsubjpass", "attr", "oprd") and is_verb(head)
        if (
            objected
            and not raising
            and (
                head_lemma in lex.topic_verbs
                or (self._kind(head, ctx) is not None and head_lemma not in lex.light_verbs)
            )
        ):
            return None  # the object of another act or a topic
        if anchor.dep_ == "pobj":
            prep = head
            above = prep.head
            if (
                is_verb(above)
                and above.lemma_.lower() in lex.topic_verbs | {"agree"}
                and prep.lower_ in ("on", "for", "to", "with", "about", "against")
            ):
                return None  # "agree to a ceasefire" is the verb's; "focus on the withdrawal"
            if prep.lower_ == "of" and is_noun(above) and self._kind(above, ctx) is not None:
                return None  # "violations of the agreement"
            if prep.lower_ in lex.topic_preps:
                return None  # "negotiations regarding the withdrawal"
            if prep.lower_ == "of" and any(
                c.dep_ == "det" and c.lower_ in lex.generic_determiners for c in above.children
            ):
                return None  # "no reports of clashes"
        ruling = governing_verb(anchor)
        if (
            ruling is not None
            and ruling.dep_ in ("acl", "xcomp")
            and any(
                c.dep_ == "det" and c.lower_ in lex.generic_determiners
                for c in ruling.head.children
            )
        ):
            return None  # "no plans to continue attacks"
        event = Found(trigger=noun, kind=kind, anchor=anchor)
        light = self._light_verb(anchor)
        if (
            light is not None
            and light.dep_ in ("xcomp", "ccomp")
            and self._kind(light.head, ctx) in lex.content_kinds
        ):
            return None  # "agreed to begin negotiations": the content of the agreement
        if light is not None:
            event.anchor = light
        self._noun_roles(noun, anchor, event, light, ctx)
        modifier = anchor.dep_ == "pobj" and (
            head.lower_ in lex.modifier_preps
            or (head.lower_ == "to" and head.head.lower_ == "prior")
            or (head.lower_ == "of" and head.head.lower_ == "ahead")
        )
        under_discussion = (head.lower_ == "under" and noun.lower_ in lex.under_nouns) or (
            head.lower_ == "on" and noun.lower_ in lex.state_nouns  # "remained on alert"
        )
        anchored_here = event.a or self._predicated(anchor) or light is not None
        if modifier and not anchored_here and not under_discussion:
            return None  # "during the meeting", "amid these discussions"
        weak = (noun.lower_ in lex.weak_nouns or noun.lemma_.lower() in lex.weak_nouns) and (
            noun.lower_ not in lex.nouns
        )
        if weak and not event.a and ctx.date_of(event, self.lex) is None:
            return None  # "the war", "the conflict": backdrop
        anchored = noun.lower_ in lex.anchored_nouns or noun.lemma_.lower() in lex.anchored_nouns
        if (
            anchored
            and not event.a
            and light is None
            and not children(anchor, "acl", "relcl")
            and anchor.dep_ not in ("nsubj", "nsubjpass")
        ):
            return None  # "the terms of the deal", "biggest threats"
        if kind == "ceasefire" and not (
            self._predicated(anchor)
            or (light is not None)
            or (anchor.dep_ in ("nsubj", "nsubjpass") and head_lemma in lex.happening_verbs)
        ):
            return None  # "despite a November ceasefire": a backdrop
        event.definite = any(
            c.dep_ in ("det", "poss") and c.lower_ in _DEFINITE for c in noun.children
        )
        return self._finish(event, ctx)

    def _light_verb(self, noun: Token) -> Token | None:
        """The verb that lends a noun event its agent and time: "launched an attack", "engaged
        in combat", "a meeting was held", "the conflict started on October 8"."""
        head = noun.head
        lex = self.lex
        if noun.dep_ in ("dobj",) and head.lemma_.lower() in lex.light_verbs:
            return head
        if (
            noun.dep_ == "pobj"
            and head.head.lemma_.lower() in lex.light_verbs
            and is_verb(head.head)
            and head.lower_ in ("in", "to", "out", "into")
        ):
            return head.head
        if noun.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in lex.happening_verbs:
            return head
        if noun.dep_ in ("nsubj", "nsubjpass"):  # "the talks are expected to be held"
            for comp in children(head, "xcomp"):
                if comp.lemma_.lower() in lex.happening_verbs:
                    return comp
        return None

    # -- roles ------------------------------------------------------------------------------
    def _verb_agents(self, verb: Token, ctx: Context, depth: int = 0) -> list[Token]:
        if depth > 4:
            return []
        heads = [o for a in children(verb, "agent") for o in children(a, "pobj")]
        if not heads and not passive(verb):
            heads = children(verb, "nsubj", "csubj")
        if heads:
            return [verb.head if h.tag_ in ("WDT", "WP") else h for h in heads]
        dep, head = verb.dep_, verb.head
        if head is verb:
            return []
        if dep == "xcomp":
            if passive(head) and head.lemma_.lower() in self.lex.planned_heads:
                return children(head, "nsubjpass")  # "Israel was expected to release"
            if head.lemma_.lower() in _OBJECT_CONTROL:
                objects = children(head, "dobj")
                if objects:
                    return objects
            return self._verb_agents(head, ctx, depth + 1)
        if dep in ("conj", "advcl", "acomp") and is_verb(head):
            return self._verb_agents(head, ctx, depth + 1)
        if dep in ("relcl", "acl") and is_noun(head):
            return [head]
        if dep == "pcomp" and head.head is not head:
            above = head.head
            objects = children(above, "dobj")
            if objects and any(ctx.actors(o) for o in objects):
                return objects
            if is_verb(above):
                return self._verb_agents(above, ctx, depth + 1)
        return []

    def _fill_agents(self, event: Found, heads: list[Token], ctx: Context) -> None:
        for head in heads:
            if head.lower_ in PRONOUNS:
                resolved = ctx.speaker_of(head)
                if resolved:
                    add_ids(event.a, [resolved])
                else:
                    event.pronoun = head
                continue
            if head.dep_ in ("compound", "nmod") and ctx.is_place(head):
                continue  # "a south Lebanon strike": where, not who
            ids = ctx.actors(head) or ctx.body(head)
            add_ids(event.a, ids)
            if not ids and head.lemma_.lower() in self.lex.party_nouns:
                event.parties = True
            if not ids:
                for poss in children(head, "poss"):  # "his country", "its forces"
                    if poss.lower_ in PRONOUNS:
                        resolved = ctx.speaker_of(poss)
                        if resolved:
                            add_ids(event.a, [resolved])
                        else:
                            event.pronoun = poss

    def _noun_roles(
        self, noun: Token, anchor: Token, event: Found, light: Token | None, ctx: Context
    ) -> None:
        kind = event.kind
        own = ctx.owner(noun)
        if own:
            add_ids(event.a, [own])
        for child in anchor.children if anchor is not noun else noun.children:
            if child.dep_ in ("poss", "amod", "compound", "nmod") and child is not noun:
                self._fill_agents(event, [child], ctx)
        if anchor is not noun:
            for child in noun.children:
                if child.dep_ in ("poss", "amod", "compound"):
                    self._fill_agents(event, [child], ctx)
        for word, objects in (
            ("by", list(prep_objects(anchor, "by"))),
            ("from", list(prep_objects(anchor, "from"))),
            ("of", list(prep_objects(anchor, "of"))),
            ("between", list(prep_objects(anchor, "between"))),
            ("with", list(prep_objects(anchor, "with"))),
            ("target", list(prep_objects(anchor, *_TARGET_PREPS))),
        ):
            for obj in objects:
                ids = ctx.actors(obj)
                agentive = (
                    word in ("by", "between")
                    or (word == "from" and kind not in ("withdrawal", "deployment"))
                    or (word == "of" and kind in self.lex.of_agent_kinds)
                    or (word == "with" and (kind in ("talks", "ceasefire", "attack")))
                    or (word == "target" and kind == "talks")
                )
                add_ids(event.a if agentive else event.b, ids)
        for acl in children(anchor, "acl", "relcl"):
            if passive(acl) or acl.tag_ == "VBN":
                for agent in prep_objects(acl, "by"):
                    add_ids(event.a, ctx.actors(agent))
            elif acl.tag_ == "VBG":
                for obj in children(acl, "dobj"):
                    add_ids(event.b, ctx.actors(obj))
        if (not event.a or kind == "talks") and light is not None:
            if noun.dep_ in ("nsubj", "nsubjpass") or anchor.dep_ in ("nsubj", "nsubjpass"):
                for agent in prep_objects(light, "by"):
                    add_ids(event.a, ctx.actors(agent))
            else:
                self._fill_agents(event, self._verb_agents(light, ctx), ctx)
        state = anchor.head.lower_ == "on" and noun.lower_ in self.lex.state_nouns
        if not event.a and anchor.dep_ == "pobj" and (anchor.head.lower_ == "as" or state):
            self._inherit_agent(anchor.head, event, ctx)  # "released ... as a goodwill gesture"
        if kind == "talks":
            add_ids(event.a, ctx.clause_free_actors(anchor))
            verbs = [light] if light is not None else []
            for acl in children(anchor, "acl", "relcl"):
                if acl.lemma_.lower() in ("include", "comprise", "involve", "bring", "gather"):
                    verbs.append(acl)
                    for obj in children(acl, "dobj"):
                        add_ids(event.a, ctx.actors(obj))
            for verb in verbs:
                for obj in prep_objects(verb, "with", "between"):
                    add_ids(event.a, ctx.actors(obj))
            add_ids(event.a, event.b)
            event.b = []
        if kind == "release" and not event.b:
            for obj in prep_objects(anchor, "of"):
                add_ids(event.b, ctx.actors(obj))

    def _inherit_agent(self, prep: Token, event: Found, ctx: Context) -> None:
        current = prep
        for _ in range(4):
            if current.head is current:
                return
            current = current.head
            if is_verb(current):
                self._fill_agents(event, self._verb_agents(current, ctx), ctx)
            else:
                for obj in prep_objects(current, "by", "from"):
                    add_ids(event.a, ctx.actors(obj))
                for poss in children(current, "poss", "amod"):
                    self._fill_agents(event, [poss], ctx)
            if event.a or event.pronoun is not None:
                return

    # -- status, date, place -----------------------------------------------------------------
    def _finish(self, event: Found, ctx: Context) -> Found:
        trigger = event.trigger
        event.sentence = _evidence(ctx.doc, trigger, ctx.owners)
        if event.kind == "talks":
            add_ids(event.a, event.b)
            event.b = []
        event.date = ctx.date_of(event, self.lex)
        event.place = ctx.place_of(event)
        event.status = self._status(event, ctx)
        return event

    def _status(self, event: Found, ctx: Context) -> str:
        lex = self.lex
        trigger = event.trigger
        statement = ctx.statement_around(trigger)
        if statement is not None and statement["polarity"] == "deny":
            return "denied"
        chain = clause_chain(trigger)
        if event.anchor not in chain:
            chain.append(event.anchor)
        auxes = [c.lower_ for t in chain for c in t.children if c.dep_ in ("aux", "auxpass")]
        marks = [c.lower_ for t in chain for c in t.children if c.dep_ == "mark"]
        sentence_words = ctx.words(event.sentence)
        if event.kind == "proposal":
            return "proposed"
        if any(m in lex.conditional_marks for m in marks) or any(
            a in lex.hypothetical_aux for a in auxes
        ):
            return "hypothetical"
        would = any(a in lex.would for a in auxes)
        if would and "if" in sentence_words:
            return "hypothetical"
        if self._modal(event):
            return "occurred"  # "will not accept", "would boycott": the refusal or threat is now
        in_plan = bool(sentence_words & lex.proposal_context) or ctx.proposal_before(event)
        if would:
            return "proposed" if in_plan else "planned"
        if any(a in lex.future_aux for a in auxes):
            return "proposed" if in_plan and "under" in sentence_words else "planned"
        heads = [t.head for t in chain if t.dep_ in ("xcomp", "acl") and t.head is not t]
        if any(h.lemma_.lower() in lex.planned_heads for h in heads):
            return "planned"
        if any(
            c.lower_ in lex.planned_modifiers
            for t in (event.trigger, event.anchor)
            for c in t.children
            if c.dep_ in ("amod", "acomp")
        ) or any(
            c.dep_ == "acomp" and c.lower_ in lex.planned_modifiers
            for c in event.anchor.head.children
        ):
            return "planned"
        if statement is not None and self._claimed(event, statement):
            return "claimed"
        return "occurred"

    def _modal(self, event: Found) -> bool:
        """A refusal or threat read off a verb's negation or modality (``event_modal``)."""
        trigger = event.trigger
        if event.kind not in ("rejection", "threat") or not is_verb(trigger):
            return False
        return event.kind != self._verb_kind(trigger, trigger.lemma_.lower())

    def _claimed(self, event: Found, statement: dict[str, Any]) -> bool:
        speaker = statement.get("speaker_actor")
        if not speaker or not event.a or event.kind in self.lex.speech_kinds:
            return False
        root = str(speaker).split(".", 1)[0]
        if root in roots(event.a):
            return False
        cue = self._cue_lemma(event, statement)
        return (
            event.trigger.lemma_.lower() in self.lex.violation_words
            or event.trigger.lower_ in self.lex.violation_words
            or cue in self.lex.claim_cues
        )

    @staticmethod
    def _cue_lemma(event: Found, statement: dict[str, Any]) -> str:
        doc = event.trigger.doc
        cue = doc.char_span(statement["cue_start"], statement["cue_end"], alignment_mode="expand")
        return cue.root.lemma_.lower() if cue is not None else ""

    # -- accusations carried by statements ------------------------------------------------------
    def _accusations(self, found: list[Found], ctx: Context) -> list[Found]:
        """ "X says Y violated the ceasefire": X accuses Y."""
        extra: list[Found] = []
        for event in found:
            trigger = event.trigger
            if event.kind != "attack" or not event.a:
                continue
            if not (
                trigger.lemma_.lower() in self.lex.violation_words
                or trigger.lower_ in self.lex.violation_words
            ):
                continue
            statement = ctx.statement_around(trigger)
            if statement is None or not statement.get("speaker_actor"):
                continue
            speaker = str(statement["speaker_actor"])
            if speaker.split(".", 1)[0] in roots(event.a):
                continue
            cue = ctx.doc.char_span(
                statement["cue_start"], statement["cue_end"], alignment_mode="expand"
            )
            anchor = cue.root if cue is not None else trigger
            accusation = Found(
                trigger=anchor,
                kind="accusation",
                anchor=anchor,
                a=[speaker],
                b=list(event.a),
                sentence=event.sentence,
                speech=True,
            )
            accusation.date = ctx.date_of(accusation, self.lex)
            extra.append(accusation)
        return extra

    # -- resolution across sentences -----------------------------------------------------------
    def _resolve(self, found: list[Found], ctx: Context) -> None:
        last_talks: Found | None = None
        by_sentence: dict[tuple[int, int], list[Found]] = {}
        order: list[tuple[int, int]] = []
        for event in found:
            if event.sentence not in by_sentence:
                by_sentence[event.sentence] = []
                order.append(event.sentence)
            by_sentence[event.sentence].append(event)
        for event in found:
            previous = ctx.previous_events(event, by_sentence)
            if event.kind == "talks" and not event.a and not event.parties and not event.definite:
                add_ids(event.a, ctx.sentence_actors(event))
            if event.kind == "talks" and last_talks is not None and (not event.a or event.parties):
                add_ids(event.a, last_talks.a)
                if event.date is None and event.definite and event.status == "occurred":
                    event.date = last_talks.date
            if event.parties and not event.a:
                add_ids(event.a, ctx.previous_actors(event))
            if event.pronoun is not None and not event.a:
                agents = [e.a for e in previous if e.a]
                add_ids(event.a, agents[0] if agents else ctx.previous_actors(event, first=True))
            if not event.a and event.kind != "talks":
                same = [e.a for e in previous if e.kind == event.kind and e.a]
                if same:
                    add_ids(event.a, same[0])
            if event.kind == "talks" and event.a:
                last_talks = event
            self._speech(event, ctx)
            if event.date is None and event.status == "occurred":
                event.date = self._occasion(event, found, ctx)

    @staticmethod
    def _occasion(event: Found, found: list[Found], ctx: Context) -> str | None:
        """The date of an undated happening from its occasion: a dated report of it, the
        wire dateline of the lead, the same occasion elsewhere in the article, or for a
        headline the publication day."""
        headline = ctx.headline_date(event)
        if headline is None and ongoing(event):
            return None
        return (
            ctx.report_date(event)
            or ctx.dateline_date(event)
            or occasion_date(event, found)
            or headline
        )

    def _speech(self, event: Found, ctx: Context) -> None:
        """A speech act in the actor's own statement: occurred, dated by the speech."""
        if event.kind not in self.lex.speech_kinds or not event.a:
            return
        statement = ctx.statement_around(event.trigger, cue_too=True)
        if statement is None or not statement.get("speaker_actor"):
            return
        if str(statement["speaker_actor"]).split(".", 1)[0] not in roots(event.a):
            return
        if event.status in ("planned", "proposed"):
            event.status = "occurred"
        if event.date is None:
            event.date = ctx.speech_date(statement)

    # -- output ------------------------------------------------------------------------------
    def _sentence_issues(self, doc: Doc, ctx: Context) -> list[tuple[int, str]]:
        return sorted(
            (doc[start].idx, self._issue_keys[key]) for key, start, _end in self._issues(doc)
        )

    def _record(self, event: Found, issues: list[tuple[int, str]], ctx: Context) -> EventDict:
        start, end = event.sentence
        found: list[str] = []
        for offset, issue in issues:
            if start <= offset < end and issue not in found:
                found.append(issue)
        if event.kind == "ceasefire" and "ceasefire" not in found:
            found.append("ceasefire")
        trigger = event.trigger
        place = event.place or {}
        return {
            "start": start,
            "end": end,
            "trigger": trigger.text,
            "trigger_start": trigger.idx,
            "trigger_end": trigger.idx + len(trigger.text),
            "kind": event.kind,
            "type": self.lex.types[event.kind],
            "a": list(event.a),
            "b": [x for x in event.b if x not in event.a],
            "issues": found,
            "date": event.date,
            "place": place.get("name"),
            "lat": place.get("lat"),
            "lon": place.get("lon"),
            "status": event.status,
        }
