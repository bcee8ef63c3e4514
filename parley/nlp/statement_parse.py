"""Parse helpers of the statements component: sentences, content spans, speaker phrases.

Pure functions over spaCy tokens; the component in ``statements.py`` decides what is a
statement. ``Owners`` maps tokens to the actor span that holds them and finds sentence
bounds fast.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span, Token

from parley.nlp import attribution as lex

TEXT_CACHE: list[tuple[Doc, str]] = []


def doc_text(doc: Doc) -> str:
    """``doc.text``, kept for the last document: spaCy joins the tokens on every access."""
    cached = TEXT_CACHE[0] if TEXT_CACHE else None
    if cached is not None and cached[0] is doc:
        return cached[1]
    text = doc.text
    TEXT_CACHE[:] = [(doc, text)]
    return text


class Owners(dict[int, Span]):
    """Token index -> the actor span that holds it; also finds a token's sentence (spaCy's
    ``token.sent`` scans the whole document on every call)."""

    def __init__(self, doc: Doc) -> None:
        super().__init__()
        self.doc = doc
        self.starts: list[int] = []
        self.ends: list[int] = []
        for sent in doc.sents:
            self.starts.append(sent.start)
            self.ends.append(sent.end)

    def sent(self, token: Token) -> tuple[int, int]:
        """Token bounds of the token's sentence."""
        k = bisect_right(self.starts, token.i) - 1
        return self.starts[k], self.ends[k]


def _dateline(doc: Doc, span: Span) -> bool:
    """A media name that opens its line before a dash or colon ("Watan-", "Beirut:")."""
    line_start = doc_text(doc).rfind("\n", 0, span.start_char) + 1
    after = doc[span.end] if span.end < len(doc) else None
    return (
        span.start_char - line_start <= 1
        and after is not None
        and after.text in ("-", ":", *lex.DATELINE_MARKS)
    )


def _modifier_compound(doc: Doc, span: Span) -> bool:
    """An actor that only qualifies the speaker ("the Iran-backed movement")."""
    after = doc[span.end : span.end + 2]
    return len(after) == 2 and after[0].text == "-" and after[1].tag_ == "VBN"


# -- parse helpers ------------------------------------------------------------------------------
def _subtree_chars(doc: Doc, token: Token) -> tuple[int, int]:
    left, right = token.left_edge, token.right_edge
    return lex.trim_content(doc_text(doc), *_strip_mark(doc, left.i, right.i + 1))


def _strip_mark(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character offsets of tokens ``start:end`` without a leading "that"/"whether"."""
    while start < end - 1 and (
        (
            (doc[start].dep_ == "mark" or doc[start].pos_ == "SCONJ")
            and doc[start].lower_ in ("that", "whether", "if")
        )
        or (doc[start].is_punct and doc[start].text not in lex.OPEN_QUOTES)
    ):
        start += 1
    last = doc[end - 1]
    return doc[start].idx, last.idx + len(last.text)


def _clause_content(verb: Token) -> tuple[int, int] | None:
    """The verb's that-clause or quote: a ``ccomp`` child (one before the verb only when a
    comma or quote sets it off: '"...," he said'), or the clause that a parenthetical or
    sentence-final "X said" hangs from ("The talks, he said, failed")."""
    doc = verb.doc
    right = [c for c in verb.children if c.dep_ in lex.CONTENT_DEPS and c.i > verb.i]
    left = [
        c
        for c in verb.children
        if c.dep_ in lex.CONTENT_DEPS and c.i < verb.i and _set_off(doc, c.right_edge.i)
    ]
    if right and not (left and _quoted_left(doc, left[0])):
        clause = right[0]
        return lex.trim_content(
            doc_text(doc), *_strip_mark(doc, clause.left_edge.i, clause.right_edge.i + 1)
        )
    if left:
        clause = left[-1]
        return lex.trim_content(
            doc_text(doc), *_strip_mark(doc, clause.left_edge.i, clause.right_edge.i + 1)
        )
    head = verb.head
    if verb.dep_ in ("parataxis", "ccomp") and head.pos_ in ("VERB", "AUX"):
        if head.lemma_.lower() in lex.CUE_LEMMAS:  # 'he said: "I hope not"': the head is the cue
            return None
        if head.i < verb.i and _set_off(doc, verb.left_edge.i - 1):
            start, end = head.left_edge.i, verb.left_edge.i
        elif verb.dep_ == "parataxis" and head.i > verb.i:
            start, end = head.left_edge.i, head.right_edge.i + 1
        else:
            return None
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        if end - start >= 2:
            return lex.trim_content(doc_text(doc), *_strip_mark(doc, start, end))
    return None


def _set_off(doc: Doc, i: int) -> bool:
    """Whether token ``i`` or the one after it is a comma, colon or quotation mark."""
    return any(0 <= j < len(doc) and doc[j].text[:1] in ",:" + lex.CLOSE_QUOTES for j in (i, i + 1))


def _quoted_left(doc: Doc, clause: Token) -> bool:
    first = doc[clause.left_edge.i]
    before = doc[first.i - 1] if first.i > 0 else None
    return first.text[:1] in lex.OPEN_QUOTES or (
        before is not None and before.text[:1] in lex.OPEN_QUOTES
    )


def _np_content(verb: Token) -> tuple[int, int] | None:
    doc = verb.doc
    objects = [
        c
        for c in verb.children
        if c.i > verb.i and (c.dep_ in lex.NP_DEPS or (c.dep_ == "xcomp" and c.tag_ == "VBG"))
    ]
    if not objects or (objects[0].pos_ == "PRON" and objects[0].right_edge.i == objects[0].i):
        return None
    obj = objects[0]
    if obj.lemma_.lower() in lex.STANCE_NOUNS:
        return None
    if obj.lemma_.lower() in lex.EXPRESS_NOUNS:  # "emphasizing their concern that ..."
        clause = next((c for c in obj.rights if c.dep_ in ("acl", "ccomp")), None)
        if clause is not None:
            return _subtree_chars(doc, clause)
    end = obj.right_edge.i + 1
    for sibling in verb.rights:
        if sibling.i > obj.i and sibling.dep_ in lex.NP_TAIL_DEPS:
            end = max(end, sibling.right_edge.i + 1)
    return lex.trim_content(doc_text(doc), *_strip_mark(doc, obj.left_edge.i, end))


def _framed(verb: Token, lemma: str) -> tuple[tuple[int, int], int, str | None] | None:
    """(content, cue end, polarity override) for verbs that need a frame, or None."""
    doc = verb.doc
    cue_end = verb.idx + len(verb.text)
    children = list(verb.children)
    if lemma in lex.FRAME_PREPS:
        obj = next((c for c in children if c.dep_ == "dobj"), None)
        prep = next(
            (c for c in children if c.dep_ == "prep" and c.lower_ in lex.FRAME_PREPS[lemma]),
            None,
        )
        if prep is None:
            return None
        start = obj.left_edge.i if obj is not None else prep.i + 1
        return (
            lex.trim_content(doc_text(doc), *_strip_mark(doc, start, prep.right_edge.i + 1)),
            cue_end,
            None,
        )
    if lemma == "call":
        obj = next((c for c in children if c.dep_ == "dobj"), None)
        tail = [c for c in children if c.dep_ in ("oprd", "xcomp", "ccomp") and c.i > verb.i]
        if obj is None or not tail or any(c.dep_ == "prep" and c.lower_ == "for" for c in children):
            return None
        end = tail[-1].right_edge.i + 1
        return (
            lex.trim_content(doc_text(doc), *_strip_mark(doc, obj.left_edge.i, end)),
            cue_end,
            None,
        )
    if lemma == "make":  # "made it clear (that) ..."
        clear = next((c for c in children if c.lower_ == "clear"), None)
        if clear is None:
            return None
        clauses = [c for c in children if c.dep_ == "ccomp" and c is not clear] + [
            c for c in clear.children if c.dep_ == "ccomp"
        ]
        if not clauses:
            return None
        cue_end = clear.idx + len(clear.text)
        return _subtree_chars(doc, clauses[0]), cue_end, None
    if lemma == "point":  # "pointed out that ..."
        particle = next((c for c in children if c.dep_ == "prt" and c.lower_ == "out"), None)
        content = _clause_content(verb)
        if particle is None or content is None:
            return None
        return content, particle.idx + len(particle.text), None
    if lemma in ("express", "voice"):
        obj = next((c for c in children if c.dep_ == "dobj"), None)
        if obj is None or obj.lemma_.lower() in lex.STANCE_NOUNS:
            return None
        clause = next(
            (c for c in obj.children if c.dep_ in ("acl", "ccomp", "relcl") and c.i > obj.i),
            None,
        ) or next((c for c in children if c.dep_ == "ccomp"), None)
        if obj.lemma_.lower() in lex.EXPRESS_NOUNS:
            cue_end = obj.idx + len(obj.text)
            if clause is not None:
                return _subtree_chars(doc, clause), cue_end, None
        content = _np_content(verb)
        return (content, verb.idx + len(verb.text), None) if content else None
    if lemma in lex.REJECT_VERBS:
        obj = next((c for c in children if c.dep_ == "dobj"), None)
        if obj is None or obj.lemma_.lower() not in lex.CLAIM_NOUNS:
            return None
        return _subtree_chars(doc, obj), cue_end, "deny"
    return None


def _quoted(doc: Doc, content: tuple[int, int]) -> bool:
    before = doc_text(doc)[max(0, content[0] - 3) : content[0]]
    after = doc_text(doc)[content[1] : content[1] + 3]
    return any(q in before for q in lex.OPEN_QUOTES if q != "'") and any(
        q in after for q in lex.CLOSE_QUOTES if q != "'"
    )


def _adjacent_quote(doc: Doc, verb: Token, owners: Owners) -> tuple[int, int] | None:
    """A quote right after the cue ("He added, “...”") when the parse did not attach it."""
    line_start, line_end = _line(doc, verb, owners)
    text = doc_text(doc)
    after = verb.idx + len(verb.text)
    window = text[after : after + 4]
    for offset, char in enumerate(window):
        if char in '"“':
            start = after + offset + 1
            close = "”" if char == "“" else '"'
            end = text.find(close, start, line_end)
            if end > start:
                return lex.trim_content(text, start, end)
            return None
        if char not in " ,:":
            return None
    del line_start
    return None


def _speaker_heads(verb: Token, passive: bool) -> list[Token]:
    """The subject of the cue (climbing from participles and conjuncts), with its conjuncts."""
    token = verb
    for _ in range(4):
        if passive:
            agents = [c for c in token.children if c.dep_ == "agent"]
            objs = [g for a in agents for g in a.children if g.dep_ == "pobj"]
            return _coordinated(objs[0]) if objs else []
        subjects = [c for c in token.children if c.dep_ in lex.SUBJECT_DEPS]
        if subjects:
            subject = subjects[0]
            if subject.lower_ in lex.RELATIVES and token.dep_ == "relcl":
                subject = token.head
            if subject.pos_ == "PRON" and subject.lower_ in ("it", "there") and token is not verb:
                return []
            return _coordinated(subject)
        if token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return _coordinated(token.head)
        if token.dep_ not in lex.CLIMB_DEPS or token.head is token:
            return []
        if token.dep_ in ("ccomp", "parataxis") and token.i > token.head.i is False:
            return []
        token = token.head
    return []


def _coordinated(head: Token) -> list[Token]:
    """A subject and its conjuncts ("UNIFIL and the IDF"), or coordinated demonyms that
    modify one head ("Israeli and Lebanese officials") as separate sides."""
    heads = [head, *[c for c in head.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]]
    for child in head.children:
        if child.dep_ == "conj" and child in heads:
            heads.extend(
                c for c in child.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")
            )
    if len(heads) == 1:
        modifiers = [c for c in head.lefts if c.dep_ in ("amod", "compound")]
        for modifier in modifiers:
            conjuncts = [c for c in modifier.children if c.dep_ == "conj" and c.i < head.i]
            if (
                conjuncts
                and modifier.ent_type_ == "NORP"
                and all(c.ent_type_ == "NORP" for c in conjuncts)
            ):
                return [modifier, *conjuncts]
    return heads


def _phrase(head: Token) -> tuple[int, int]:
    """Token range of the speaker phrase: the head's subtree without relative clauses,
    conjuncts, participial modifiers ("speaking to AFP") and trailing punctuation."""
    doc = head.doc
    if head.dep_ in ("amod", "compound") and head.ent_type_ == "NORP":
        return head.i, head.i + 1
    start, end = head.left_edge.i, head.right_edge.i + 1
    line_start = doc_text(doc).rfind("\n", 0, head.idx) + 1
    while start < head.i and doc[start].idx < line_start:
        start += 1
    for child in head.rights:
        if child.dep_ in lex.SPEAKER_CUT_DEPS or (child.dep_ == "acl" and child.tag_ == "VBG"):
            end = min(end, child.left_edge.i)
    for child in head.lefts:
        if child.dep_ in ("cc", "preconj", "punct"):
            start = max(start, child.right_edge.i + 1)
    while end > head.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    while start < head.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return start, max(end, head.i + 1)


def _clip(
    doc: Doc, content: tuple[int, int] | None, bounds: tuple[int, int]
) -> tuple[int, int] | None:
    """Content cut to the cue's sentence and line; None when too little is left."""
    if content is None:
        return None
    start, end = lex.trim_content(
        doc_text(doc), max(content[0], bounds[0]), min(content[1], bounds[1])
    )
    return (start, end) if end - start >= 2 else None


def _on_line(doc: Doc, head: Token, verb: Token, line_start: int) -> Token | None:
    """The subject, unless the parse took it from another line or across a dateline dash
    ("Washington, DC – The agency reported"); then the noun right before the verb."""
    low, high = sorted((head.i, verb.i))
    crossed = head.idx < line_start or any(t.text in lex.DATELINE_MARKS for t in doc[low:high])
    if not crossed:
        return head
    j = verb.i - 1
    while j >= 0 and doc[j].dep_ in ("aux", "auxpass", "advmod", "neg"):
        j -= 1
    if j > 0 and doc[j].text == ")":  # "The force (UNIFIL) stated"
        while j > 0 and doc[j].text != "(":
            j -= 1
        j -= 1
    if j >= 0 and doc[j].pos_ in ("NOUN", "PROPN", "PRON") and doc[j].idx >= line_start:
        return doc[j]
    return None


def _line(doc: Doc, token: Token, owners: Owners) -> tuple[int, int]:
    """Character bounds of the token's sentence, cut at line breaks."""
    text = doc_text(doc)
    first, last = owners.sent(token)
    sent = doc[first:last]
    line_start = text.rfind("\n", 0, token.idx) + 1
    line_end = text.find("\n", token.idx)
    if line_end < 0:
        line_end = len(text)
    return max(sent.start_char, line_start), min(sent.end_char, line_end)


def _evidence(doc: Doc, token: Token, owners: Owners) -> tuple[int, int]:
    start, end = _line(doc, token, owners)
    text = doc_text(doc)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# -- PolNeAR's guidelines -----------------------------------------------------------------------
def _tokens_chars(doc: Doc, start: int, end: int) -> tuple[int, int]:
    return lex.trim_content(doc_text(doc), *_strip_mark(doc, start, end))


def _evidence_subject(verb: Token) -> bool:
    """The verb's subject is a poll, study, report or the like ("a CNN poll shows")."""
    for child in verb.children:
        if child.dep_ in lex.SUBJECT_DEPS:
            words = [t for t in child.subtree if t.i <= child.i]
            return any(t.lemma_.lower() in lex.EVIDENCE_NOUNS for t in words)
    return False


def _polnear_content(verb: Token, lemma: str) -> tuple[int, int] | None:
    """Content of a verb cue by PolNeAR's guidelines: the that-clause or quote; the whole
    clause of a raising verb or an agentless passive ("Carson appears to be slipping", "Clinton
    is expected to win"); else an infinitive ("plans to run"), an object ("endorsed Cruz") or
    a prepositional object ("called for a ban")."""
    doc = verb.doc
    children = list(verb.children)
    subject = next((c for c in children if c.dep_ in ("nsubj", "nsubjpass")), None)
    passive = any(c.dep_ in lex.PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in children)
    agent = any(c.dep_ == "agent" for c in children)
    complement = any(
        c.dep_ in ("xcomp", "acomp", "ccomp", "oprd", "attr")
        or (c.dep_ == "prep" and c.lower_ in ("like", "as"))
        for c in children
        if c.i > verb.i
    )
    if lemma in lex.POLNEAR_RAISING or (passive and subject is not None and complement):
        if subject is None or not complement:
            return None
        if subject.lower_ in lex.RELATIVES:
            return _tokens_chars(doc, verb.i, verb.right_edge.i + 1)
        return _tokens_chars(doc, subject.left_edge.i, verb.right_edge.i + 1)
    del agent
    clause = _clause_content(verb)
    if clause is not None:
        return clause
    later = [c for c in children if c.i > verb.i]
    if lemma in lex.SPEECH_VERBS:  # "said cutting that output must be ...": the parse's xcomp
        xcomp = next((c for c in later if c.dep_ == "xcomp" and c.tag_ == "VBG"), None)
        if xcomp is None:
            return None
        return _tokens_chars(doc, xcomp.left_edge.i, xcomp.right_edge.i + 1)
    xcomp = next((c for c in later if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
    if xcomp is not None and lemma not in ("show", "find", "put", "rank", "list", "peg"):
        return _tokens_chars(doc, xcomp.left_edge.i, xcomp.right_edge.i + 1)
    if lemma in lex.POLNEAR_CLAUSE_ONLY and not _evidence_subject(verb):
        if lemma == "see":  # "sees Trump as a risk"
            obj = next((c for c in later if c.dep_ == "dobj"), None)
            prep = next((c for c in later if c.dep_ == "prep" and c.lower_ == "as"), None)
            if obj is not None and prep is not None:
                return _tokens_chars(doc, obj.left_edge.i, prep.right_edge.i + 1)
        return None
    obj = next((c for c in later if c.dep_ in ("dobj", "attr")), None)
    if obj is not None:
        end = obj.right_edge.i + 1
        for sibling in later:
            if sibling.i > obj.i and (
                sibling.dep_ in lex.NP_TAIL_DEPS
                or (sibling.dep_ == "prep" and sibling.lower_ in ("as", "at", "for"))
            ):
                end = max(end, sibling.right_edge.i + 1)
        return _tokens_chars(doc, obj.left_edge.i, end)
    prep = next(
        (c for c in later if c.dep_ == "prep" and c.lower_ in lex.POLNEAR_PREPS),
        None,
    )
    if prep is not None:
        objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
        if objects:
            return _tokens_chars(doc, objects[0].left_edge.i, objects[0].right_edge.i + 1)
    return None


def _polnear_noun_content(noun: Token) -> tuple[int, int] | None:
    """Content of a noun cue: its that-clause ("the claim that ..."), infinitive ("his pledge
    to ..."), prepositional object ("calls for ...", "criticism of ..."), or the clause of
    "His concern is that ..."."""
    doc = noun.doc
    for child in noun.rights:
        if child.dep_ in ("acl", "ccomp", "relcl") and any(
            g.dep_ == "mark" and g.lower_ == "that" for g in child.children
        ):
            return _subtree_chars(doc, child)
        if child.dep_ == "acl" and any(
            g.dep_ == "aux" and g.lower_ == "to" for g in child.children
        ):
            return _tokens_chars(doc, child.left_edge.i, child.right_edge.i + 1)
        if child.dep_ == "prep" and child.lower_ in lex.POLNEAR_NOUN_PREPS:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                return _tokens_chars(doc, objects[0].left_edge.i, objects[0].right_edge.i + 1)
    head = noun.head
    if noun.dep_ == "nsubj" and head.lemma_ == "be":
        clause = next(
            (c for c in head.children if c.dep_ in ("ccomp", "attr") and c.i > noun.i), None
        )
        if clause is not None:
            return _subtree_chars(doc, clause)
    return None


def _polnear_noun_speaker(noun: Token) -> Token | None:
    """Who holds a noun cue: a possessive ("his claim"), an agent ("calls by Democrats"), a
    name before the noun ("Republican criticism", "Trump's") or the subject of a light verb
    ("He made the observation that")."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in ("by", "from", "among"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    for child in noun.lefts:
        if child.dep_ in ("compound", "amod") and (
            child.pos_ == "PROPN" or child.ent_type_ in ("NORP", "PERSON", "ORG")
        ):
            return child
    head = noun.head
    if noun.dep_ in ("dobj", "attr") and head.pos_ in ("VERB", "AUX"):
        subjects = [c for c in head.children if c.dep_ in lex.SUBJECT_DEPS]
        if subjects:
            return subjects[0]
    return None


def _polnear_adjective_content(adjective: Token) -> tuple[int, int] | None:
    """Content of an attitude adjective: "concerned that ...", "eager to ...", "proud of ..."."""
    doc = adjective.doc
    for child in adjective.rights:
        if child.dep_ == "ccomp":
            return _subtree_chars(doc, child)
        if child.dep_ == "xcomp":
            return _tokens_chars(doc, child.left_edge.i, child.right_edge.i + 1)
        if child.dep_ == "prep" and child.lower_ in lex.POLNEAR_NOUN_PREPS | {"with", "at"}:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                return _tokens_chars(doc, objects[0].left_edge.i, objects[0].right_edge.i + 1)
    return None


def _quoted_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges inside double quotation marks (“…”, "…", ''…''), paragraph by
    paragraph; a quote left open runs to the end of its paragraph (a quote that goes on in
    the next paragraph opens it again)."""
    regions: list[tuple[int, int]] = []
    for match in lex.PARAGRAPH_RE.finditer(text):
        start, paragraph = match.start(), match.group()
        opened: int | None = None
        for mark in lex.QUOTE_MARK_RE.finditer(paragraph):
            char = mark.group()
            if opened is None and char != "”":
                opened = start + mark.end()
            elif opened is not None and char != "“":
                regions.append((opened, start + mark.start()))
                opened = None
        if opened is not None:
            regions.append((opened, start + len(paragraph)))
    return regions


def _quote_beside(verb: Token) -> tuple[int, int] | None:
    """The quote that a speech verb tags when the parse did not attach it: one that ends just
    before the speaker and the verb ('"Like this. Or that," Smith said'), or that opens right
    after the verb ('Smith said: "..."')."""
    text = doc_text(verb.doc)
    line_start = text.rfind("\n", 0, verb.idx) + 1
    after = verb.idx + len(verb.text)
    line_end = text.find("\n", after)
    if line_end < 0:
        line_end = len(text)
    for start, end in _quoted_regions(text[line_start:line_end]):
        start, end = start + line_start, end + line_start
        gap = text[end : verb.idx]
        if 0 < len(gap) <= 60 and not lex.QUOTE_RE.search(gap[2:]) and "." not in gap[2:]:
            return lex.trim_content(text, start, end)
        if 0 <= start - after <= 4 and not text[after:start].strip(" ,:\"“'"):
            return lex.trim_content(text, start, end)
    return None
