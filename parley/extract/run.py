"""Running the pipeline over documents: the model loads once, documents stream through."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, TypeVar, cast

from spacy.language import Language
from spacy.tokens import Doc

from parley.extract.from_doc import extraction
from parley.nlp.pipeline import load_pipeline
from parley.records import Document, Extraction
from parley.theater import Theater, default_theater

C = TypeVar("C")


class Extractor:
    """parley's pipeline for one theater; ``extract`` turns documents into records."""

    def __init__(
        self,
        theater: Theater | None = None,
        nlp: Language | None = None,
        *,
        timeml: bool = False,
        attribution: str = "parley",
    ) -> None:
        self.theater = theater or default_theater()
        self.nlp = (
            nlp
            if nlp is not None
            else load_pipeline(self.theater, timeml=timeml, attribution=attribution)
        )
        # document id -> why extraction failed; such a document is left out of the stream
        self.failures: dict[str, str] = {}
        # parley's own components (plain callables) report through the default handler;
        # Language.set_error_handler would also reach the model's Cython components, and
        # fails on the parser (spaCy 3.8)
        self.nlp.default_error_handler = cast(Any, self._note_failure)

    def _note_failure(
        self, name: str, _component: object, docs: list[Doc], error: Exception
    ) -> None:
        """A component failing on a document costs that document, not the run (STYLE.md #6):
        spaCy drops it from the stream, and the failure is kept here for the report."""
        for doc in docs:
            self.failures[str(doc._.doc_id)] = f"{name}: {error.__class__.__name__}: {error}"

    def stream(
        self, items: Iterable[tuple[Document, C]], *, workers: int = 0
    ) -> Iterator[tuple[Extraction, C]]:
        """Records of each document with its context, in order, as documents arrive.

        ``workers`` > 1 runs that many processes (spaCy's ``n_process``). A document on
        which a component fails is left out; ``failures`` says why (in this process).
        """

        def docs() -> Iterator[tuple[Doc, tuple[Document, C]]]:
            for document, context in items:
                doc = self.nlp.make_doc(document.text)
                doc._.doc_id = document.id
                doc._.published = document.published
                yield doc, (document, context)

        processes = workers if workers > 1 else 1
        for doc, (document, context) in self.nlp.pipe(docs(), as_tuples=True, n_process=processes):
            yield extraction(doc, document, self.theater), context

    def extract(self, documents: Iterable[Document], *, workers: int = 0) -> Iterator[Extraction]:
        """Records of each document, in order."""
        for result, _ in self.stream(((d, None) for d in documents), workers=workers):
            yield result

    def extract_one(self, document: Document) -> Extraction:
        return next(self.extract([document]))
