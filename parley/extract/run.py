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
ERRORS_KEY = "parley_errors"


def _note_failure(name: str, _component: object, docs: list[Doc], error: Exception) -> None:
    """A component that fails on a batch costs those documents that layer, not the run:
    the failure is noted on each document and reported with its records (STYLE.md #6)."""
    for doc in docs:
        doc.user_data.setdefault(ERRORS_KEY, []).append(
            f"{name}: {error.__class__.__name__}: {error}"
        )


class Extractor:
    """parley's pipeline for one theater; ``extract`` turns documents into records."""

    def __init__(self, theater: Theater | None = None, nlp: Language | None = None) -> None:
        self.theater = theater or default_theater()
        self.nlp = nlp if nlp is not None else load_pipeline(self.theater)
        # parley's own components (plain callables) report through the default handler;
        # Language.set_error_handler would also reach the model's Cython components, and
        # fails on the parser (spaCy 3.8)
        self.nlp.default_error_handler = cast(Any, _note_failure)

    def stream(
        self, items: Iterable[tuple[Document, C]], *, workers: int = 0
    ) -> Iterator[tuple[Extraction, C]]:
        """Records of each document with its context, in order, as documents arrive.

        ``workers`` > 1 runs that many processes (spaCy's ``n_process``).
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
