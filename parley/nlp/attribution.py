"""Lexicons and span helpers for the statements layer (``parley.nlp.statements``).

Everything the attribution rules key on is module-level data here, so that a rule change is a
word added to a set rather than a branch added to the code:

- ``SPEECH_VERBS``: lemmas of speech-act verbs whose ``ccomp`` (a that-clause or a quote) is
  the content. ``NP_VERBS`` also take a noun phrase as content ("confirmed the momentum",
  "announced the death of ..."); ``DENY_VERBS`` give polarity ``deny``.
- ``QUOTE_ONLY_VERBS``: verbs that are speech acts only with a direct quote ("Qassem urged",
  "he continued"); a directive without a quote ("urged Hamas to agree") is no statement.
- ``FRAME_VERBS``: verbs that need a particular frame ("accused X of", "described X as",
  "called X Y", "made it clear", "pointed out", "expressed hope").
- Cognitive and directive verbs ("believes", "demanded", "pushing for") are in no list, so they
  never make statements.
- ``HEDGE_ADVERBS`` ("reportedly") make unattributed statements; ``HEDGE_VERBS`` mark their
  statements as hedged.
- ``ANON_NOUNS``: heads of unnamed speakers ("an official", "sources"); ``ANAPHOR_NOUNS``:
  definite heads that point back to an earlier speaker ("the source", "the statement").
"""

from __future__ import annotations

import re

SPEECH_VERBS: frozenset[str] = frozenset(
    {
        "say",
        "tell",
        "state",
        "confirm",
        "deny",
        "reveal",
        "stress",
        "add",
        "announce",
        "warn",
        "insist",
        "note",
        "acknowledge",
        "indicate",
        "emphasize",
        "emphasise",
        "claim",
        "inform",
        "report",
        "estimate",
        "suggest",
        "declare",
        "remark",
        "affirm",
        "highlight",
        "explain",
        "detail",
        "write",
        "tweet",
        "argue",
        "assert",
        "allege",
        "maintain",
        "contend",
        "predict",
        "admit",
        "concede",
        "reiterate",
        "repeat",
        "respond",
        "reply",
        "mention",
        "observe",
        "comment",
        "conclude",
        "disclose",
        "recall",
        "caution",
        "underline",
        "underscore",
        "assure",
        "promise",
        "pledge",
        "vow",
        "hint",
        "complain",
        "charge",
        "counter",
        "retort",
        "testify",
        "brief",
        "boast",
        "cheer",
        "lament",
        "dispute",
        "refute",
        "rebut",
    }
)

#: Speech verbs that also take a noun phrase as their content.
NP_VERBS: frozenset[str] = frozenset(
    {
        "confirm",
        "deny",
        "reveal",
        "stress",
        "announce",
        "acknowledge",
        "emphasize",
        "emphasise",
        "report",
        "highlight",
        "reiterate",
        "underline",
        "underscore",
        "disclose",
        "cheer",
        "detail",
        "dispute",
        "refute",
        "rebut",
        "express",
        "voice",
    }
)

#: "according to" these is no attribution ("operating according to a plan").
NON_SOURCES: frozenset[str] = frozenset(
    {"plan", "schedule", "law", "rule", "procedure", "timetable", "term", "script", "protocol"}
)
#: Marks that end a dateline ("Washington, DC – ...").
DATELINE_MARKS: frozenset[str] = frozenset({"–", "—", "--"})

#: Polarity ``deny``.
DENY_VERBS: frozenset[str] = frozenset({"deny", "refute", "rebut", "dispute"})
#: "rejected/dismissed the claim that ..." is a denial; "rejected the plan" is not.
REJECT_VERBS: frozenset[str] = frozenset({"reject", "dismiss"})
CLAIM_NOUNS: frozenset[str] = frozenset(
    {"claim", "report", "allegation", "accusation", "assertion", "rumor", "rumour", "suggestion"}
)

#: Speech acts only with a direct quote as content.
QUOTE_ONLY_VERBS: frozenset[str] = frozenset({"urge", "continue", "ask", "call", "demand"})

#: Verbs that need a frame: the preposition or particle or object that makes them speech.
FRAME_VERBS: frozenset[str] = frozenset(
    {"accuse", "describe", "call", "make", "point", "express", "voice", "reject", "dismiss"}
)
FRAME_PREPS: dict[str, frozenset[str]] = {
    "accuse": frozenset({"of"}),
    "describe": frozenset({"as"}),
}
#: "expressed hope/optimism that ...": nouns that make "express"/"voice" a statement.
EXPRESS_NOUNS: frozenset[str] = frozenset(
    {"hope", "optimism", "confidence", "concern", "belief", "satisfaction", "fear", "doubt"}
)
#: "voiced opposition", "expressed desire for": stances, never statements.
STANCE_NOUNS: frozenset[str] = frozenset({"opposition", "desire", "rejection", "support"})

#: Verbs that hedge their content ("sources suggest", "claims").
HEDGE_VERBS: frozenset[str] = frozenset({"suggest", "claim", "allege", "hint"})
HEDGE_ADVERBS: frozenset[str] = frozenset({"reportedly", "allegedly", "purportedly", "supposedly"})

#: Nouns that are a report without a speaker ("reports of a draft", "the reports are that").
REPORT_NOUNS: frozenset[str] = frozenset({"report", "rumor", "rumour"})

#: Heads of anonymous speakers (unnamed persons or groups of people).
ANON_NOUNS: frozenset[str] = frozenset(
    {
        "source",
        "official",
        "diplomat",
        "observer",
        "witness",
        "analyst",
        "expert",
        "aide",
        "insider",
        "person",
        "people",
        "resident",
        "officer",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "negotiator",
        "mediator",
        "report",
        "member",
        "lawmaker",
    }
)
#: Definite heads that refer back to an earlier speaker ("the source added").
ANAPHOR_NOUNS: frozenset[str] = frozenset(
    {
        "source",
        "official",
        "diplomat",
        "minister",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "statement",
        "envoy",
        "ambassador",
        "president",
        "premier",
        "leader",
    }
)
PRONOUNS: frozenset[str] = frozenset({"he", "she", "him", "her", "they", "them", "it"})
PERSON_PRONOUNS: frozenset[str] = frozenset({"he", "she", "him", "her"})
RELATIVES: frozenset[str] = frozenset({"who", "which", "that"})

#: Dependency labels the rules follow.
SUBJECT_DEPS: frozenset[str] = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS: frozenset[str] = frozenset({"nsubjpass", "csubjpass"})
CONTENT_DEPS: frozenset[str] = frozenset({"ccomp"})
NP_DEPS: frozenset[str] = frozenset({"dobj", "attr"})
NP_TAIL_DEPS: frozenset[str] = frozenset({"oprd", "xcomp", "ccomp", "acl"})
#: Climbing from a participle or a coordinated verb to the verb that has the subject.
CLIMB_DEPS: frozenset[str] = frozenset({"advcl", "xcomp", "conj", "ccomp", "parataxis"})
#: Parts of a noun phrase that are no part of the speaker ("..., who ...", ", speaking to AFP").
SPEAKER_CUT_DEPS: frozenset[str] = frozenset({"relcl", "conj", "cc", "punct", "advcl"})
#: Links from a media outlet up to the cue or the speaker ("told AFP", "in an interview with").
MEDIUM_DEPS: frozenset[str] = frozenset(
    {"dobj", "dative", "pobj", "prep", "npadvmod", "acl", "compound", "appos", "agent"}
)

OPEN_QUOTES = "\"“‘'«"
CLOSE_QUOTES = "\"”’'»"
QUOTE_RE = re.compile(r"[\"“”«»]")
TRAILING = " \t\n,;:—–-"
LEADING = " \t\n,;:—–-"


def trim_content(text: str, start: int, end: int) -> tuple[int, int]:
    """Content offsets as ANNOTATION.md wants them: no wrapping quotation marks, no trailing
    commas or periods, except a period inside a quote that is part of the content."""
    while start < end and text[start] in LEADING:
        start += 1
    while end > start and text[end - 1] in TRAILING:
        end -= 1
    if end - start < 2:
        return start, end
    opened_before = _opening_quote_before(text, start)
    if text[start] in OPEN_QUOTES or opened_before:
        # the whole content is a quote: drop the marks and the punctuation inside them
        inner_start = start + 1 if text[start] in OPEN_QUOTES else start
        inner_end = end
        while inner_end > inner_start and text[inner_end - 1] in CLOSE_QUOTES + ".,;:":
            inner_end -= 1
        if _balanced_inside(text, inner_start, inner_end):
            return inner_start, inner_end
    while end > start and text[end - 1] in CLOSE_QUOTES and text[end - 2] in ",;:":
        end -= 2
        while end > start and text[end - 1] in TRAILING:
            end -= 1
    if end > start and text[end - 1] == "." and text[end - 2] not in ".":
        end -= 1
    return start, end


def _opening_quote_before(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i >= 0 and text[i] in OPEN_QUOTES and (i == 0 or not text[i - 1].isalnum())


def _balanced_inside(text: str, start: int, end: int) -> bool:
    """No straight or curly double quote left open inside ``text[start:end]``."""
    inner = text[start:end]
    return inner.count('"') % 2 == 0 and inner.count("“") == inner.count("”")


# -- PolNeAR's guidelines (``guidelines="polnear"``) ---------------------------------------------
# PolNeAR (Newell et al., LREC 2018) annotates every attribution of a propositional attitude:
# statements, beliefs and knowledge, intentions and desires, support and opposition, decrees,
# evidence ("the poll shows"), questions, headlines "NAME: ...", and nominal cues ("his claim
# that"). Only the outermost of nested attributions counts. These lists add what parley's own
# guidelines leave out.

#: Verbs that take a that-clause, an infinitive, an object or a prepositional object as content.
POLNEAR_VERBS: frozenset[str] = frozenset(
    {
        # cognition and perception
        "think", "believe", "know", "expect", "hope", "fear", "worry", "doubt", "wonder",
        "consider", "suspect", "assume", "guess", "imagine", "realize", "realise", "understand",
        "remember", "forget", "learn", "notice", "trust", "anticipate", "suppose", "envision",
        "regard", "view", "bet", "agree", "disagree", "recognize", "recognise", "question",
        # intention and desire
        "want", "wish", "plan", "intend", "seek", "aim", "decide", "refuse", "decline", "offer",
        "propose", "prefer", "plead", "beg", "vow", "pledge", "promise", "threaten", "dread",
        "commit", "hesitate",
        # stance
        "support", "oppose", "endorse", "back", "favor", "favour", "praise", "criticize",
        "criticise", "condemn", "blame", "slam", "blast", "welcome", "applaud", "defend",
        "challenge", "embrace", "champion", "tout", "denounce", "decry", "mock", "ridicule",
        "lambaste", "chide", "scold", "rebuke", "fault", "credit", "thank", "congratulate",
        "hail", "laud", "commend", "disavow", "object", "protest", "advocate", "attack", "knock",
        "rip", "bash", "target", "dismiss", "reject", "accept", "approve", "disapprove", "like",
        "dislike", "love", "hate", "celebrate", "rail", "campaign", "lobby", "push", "press",
        "veto",
        # directives and questions
        "urge", "demand", "call", "ask", "request", "order", "instruct", "recommend",
        "encourage", "invite", "implore", "appeal", "pressure", "dare",
        "inquire", "query",
        # decrees, evidence, description
        "rule", "find", "show", "prove", "demonstrate", "document", "discover", "determine",
        "conclude", "project", "forecast", "rank", "list", "cite", "describe", "portray",
        "characterize", "characterise", "depict", "paint", "name", "identify", "label", "dub",
        "brand", "term", "put", "peg", "discuss", "address", "talk", "speak", "focus",
        "echo", "answer", "joke", "quip", "muse", "recount", "outline", "imply", "signal",
        "hint", "read", "appoint", "nominate", "introduce", "unveil", "release", "publish",
        "retweet", "sound", "see", "feel", "appear", "seem", "look",
        "predict", "acknowledge", "admit", "concede", "express", "voice",
        "accuse", "charge", "warn", "insist", "argue", "claim", "suggest", "indicate",
    }
)  # fmt: skip

#: Of these, verbs that are attributions only with a that-clause or an infinitive ("feels
#: that", not "felt hungry"), or with an evidence subject ("the poll shows Trump ahead").
POLNEAR_CLAUSE_ONLY: frozenset[str] = frozenset(
    {
        "know", "feel", "find", "show", "see", "learn", "remember", "forget", "notice",
        "understand", "realize", "realise", "look", "sound", "determine", "discover", "prove",
        "demonstrate", "put", "read", "imagine", "trust", "agree", "decide", "expect", "commit",
        "hesitate", "target", "rank", "list", "peg", "release", "publish", "introduce",
    }
)  # fmt: skip

#: Verbs whose content is the whole clause, subject included ("Carson appears to be
#: slipping", "Clinton is expected to win", "the race was seen as a toss-up").
POLNEAR_RAISING: frozenset[str] = frozenset({"appear", "seem", "look", "sound"})

#: Subjects that make evidence verbs attributions ("the poll shows", "a survey found").
EVIDENCE_NOUNS: frozenset[str] = frozenset(
    {
        "poll", "polling", "survey", "study", "data", "report", "analysis", "research", "number",
        "figure", "count", "estimate", "record", "document", "ledger", "email", "memo", "video",
        "tally", "projection", "model", "forecast", "ranking", "list", "review", "audit",
        "investigation", "probe", "result", "return", "finding", "statistic", "chart", "graph",
        "index", "average", "test", "map", "pollster", "footage", "photo", "image", "letter",
        "filing", "testimony", "transcript", "book", "article", "story", "column", "op-ed",
        "statement", "release", "website", "post", "tweet", "message", "ad", "advertisement",
    }
)  # fmt: skip

#: Prepositions that link a verb cue to its content ("called for", "railed against").
POLNEAR_PREPS: frozenset[str] = frozenset({"for", "against", "about", "on", "over", "of", "as"})

#: Nouns that are cues with content: "his claim that ...", "calls for ...", "support for ...".
POLNEAR_NOUNS: frozenset[str] = frozenset(
    {
        "claim", "statement", "assertion", "allegation", "accusation", "argument", "view",
        "opinion", "belief", "fear", "concern", "hope", "criticism", "support", "opposition",
        "call", "pledge", "promise", "vow", "proposal", "suggestion", "warning", "question",
        "complaint", "demand", "decision", "endorsement", "praise", "remark", "comment",
        "message", "answer", "response", "insistence", "contention", "assessment", "prediction",
        "recommendation", "request", "threat", "denial", "admission", "announcement",
        "observation", "charge", "desire", "wish", "intention", "commitment", "idea", "notion",
        "suspicion", "doubt", "worry", "skepticism", "scepticism", "objection", "appeal",
        "plea", "attack", "defense", "defence", "account", "description", "explanation",
        "insinuation", "implication", "reminder", "confidence", "optimism", "pessimism",
        "expectation", "assumption", "conclusion", "finding", "ruling", "verdict", "order",
        "advice", "declaration", "testimony", "assurance", "guarantee", "boast", "stance",
        "position", "motto", "slogan",
        "mantra", "refrain", "critique", "condemnation", "rejection",
        "backing", "approval", "disapproval", "enthusiasm", "outrage", "anger", "frustration",
        "dismay", "disgust", "disappointment",
    }
)  # fmt: skip
#: Of these, nouns that are cues only with a that-clause or a possessive or agent speaker
#: ("his speech", not "the speech"; "a plan that", not "the plan").
POLNEAR_NOUN_PREPS: frozenset[str] = frozenset(
    {"of", "for", "on", "about", "against", "to", "over", "that", "from", "regarding"}
)
#: Adjectives that attribute an attitude with a that-clause or an infinitive ("concerned
#: that", "eager to", "confident of").
POLNEAR_ADJECTIVES: frozenset[str] = frozenset(
    {
        "concerned", "worried", "confident", "sure", "certain", "convinced", "happy", "glad",
        "pleased", "upset", "angry", "afraid", "hopeful", "optimistic", "pessimistic",
        "skeptical", "sceptical", "aware", "eager", "determined", "willing", "unwilling",
        "reluctant", "opposed", "critical", "supportive", "proud", "ashamed", "sorry",
        "disappointed", "frustrated", "furious", "outraged", "unhappy", "satisfied", "content",
        "adamant", "keen", "anxious", "nervous", "fearful", "suspicious", "wary", "doubtful",
        "unsure", "uncertain", "loyal", "committed", "quick", "ready", "open", "resistant",
        "hesitant", "desperate", "thrilled", "excited", "enthusiastic", "shocked", "surprised",
        "amazed", "appalled", "alarmed", "dismayed", "disgusted", "troubled", "mindful",
        "grateful", "thankful", "welcoming", "comfortable", "uncomfortable", "fond",
    }
)  # fmt: skip

#: A line "NAME: words" (headline or interview transcript): up to six capitalized words
#: before the colon.
COLON_LINE_RE = re.compile(
    r"^(?P<name>[A-Z][\w.’'&-]*(?:[ \t][\w.’'&-]+){0,5}):[ \t]+(?P<content>\S[^\n]*)$",
    re.MULTILINE,
)
#: A paragraph (a run of text between line breaks), and the double quotation marks in it.
PARAGRAPH_RE = re.compile(r"[^\n]+")
QUOTE_MARK_RE = re.compile(r"“|”|\"|''")
#: Words of a "NAME:" line that make it no attribution ("Editor's note:", "Update:").
COLON_NON_SOURCES: frozenset[str] = frozenset(
    {"note", "update", "correction", "editor", "related", "watch", "read", "photo", "video",
     "source", "sources", "disclosure", "clarification", "advertisement", "caption", "credit"}
)  # fmt: skip

#: Lemmas of verb cues in either guidelines ("the head is the cue" checks).
CUE_LEMMAS: frozenset[str] = SPEECH_VERBS | QUOTE_ONLY_VERBS | POLNEAR_VERBS
#: Speech verbs that tag a quote beside them when the parse did not attach it
#: ('"Is it true?" she asked').
QUOTE_VERBS: frozenset[str] = frozenset(
    {"say", "add", "tell", "ask", "continue", "write", "tweet", "explain", "declare", "state",
     "insist", "warn", "reply", "respond", "argue", "note", "recall", "exclaim"}
)  # fmt: skip
#: Forms the model lemmatizes wrongly ("hoped" -> "hop").
LEMMA_FIXES: dict[str, str] = {"hoped": "hope", "hoping": "hope", "hopes": "hope"}
#: A quote tagged afterwards with a dash and its source ('"..." ― Albert Einstein').
DASH_TAG_RE = re.compile(
    r"(?P<content>[“\"][^\n]*[”\"])[ \t\u00a0]*(?P<dash>[―—–])[ \t\u00a0]*"
    r"(?P<name>[A-Z][^\n“”\".!?]{1,60})[ \t]*$",
    re.MULTILINE,
)
