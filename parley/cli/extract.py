"""`parley extract` and `parley eval`: records of articles, and their scores against gold."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from parley.cli.options import JsonOption, TheaterOption
from parley.cli.render import err, out, print_json
from parley.errors import ConfigError, InputError

if TYPE_CHECKING:
    from parley.records import Document

FORMATS = ("gold", "json")


def _documents(inputs: list[str], meta: Path | None) -> list[Document | InputError]:
    from parley.ingest.document import to_document
    from parley.ingest.sources import Options, expand, read

    items: list[Document | InputError] = []
    for item in expand(inputs):
        for found in read(item, Options()):
            if isinstance(found, InputError):
                items.append(found)
                continue
            if meta is not None:
                try:
                    found.meta.update(json.loads(meta.read_text(encoding="utf-8")))
                except (OSError, ValueError) as exc:
                    raise ConfigError(
                        f"cannot read --meta {meta}: {exc}; give a JSON object"
                    ) from None
            try:
                items.append(to_document(found))
            except InputError as exc:
                items.append(exc)
    return items


def extract_command(
    inputs: Annotated[list[str], typer.Argument(help="Article files or folders (as for ingest).")],
    meta: Annotated[
        Path | None,
        typer.Option(
            help="Metadata JSON for a single input (otherwise each NAME.meta.json is read)."
        ),
    ] = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--format", help="gold: the EVAL.md gold format; json: every record with evidence."
        ),
    ] = "json",
    out_dir: Annotated[
        Path | None,
        typer.Option(
            help="Write DIR/<doc-id>.gold.json (or .json) per document instead of stdout."
        ),
    ] = None,
    theater: TheaterOption = None,
    workers: Annotated[int, typer.Option(help="Processes for the NLP pipeline.", min=0)] = 0,
) -> None:
    """Extract the records of articles without storing them; the pipeline loads once.

    One input prints to stdout; several need --out-dir. An input that fails is reported
    on stderr and the others are still written (exit status 1).
    """
    from parley.extract import Extractor
    from parley.theater import load_theater

    if output_format not in FORMATS:
        raise ConfigError(f"--format {output_format!r} is unknown; use one of {', '.join(FORMATS)}")
    if meta is not None and len(inputs) > 1:
        raise ConfigError("--meta describes one article; give one input, or sidecar files")
    items = _documents(inputs, meta)
    documents = [i for i in items if not isinstance(i, InputError)]
    failed = [i for i in items if isinstance(i, InputError)]
    if len(documents) > 1 and out_dir is None:
        raise ConfigError("several documents need --out-dir DIR (one file per document)")
    extractor = Extractor(load_theater(theater))
    for error in failed:
        err.print(f"Rejected: {error.source}: {error.reason}", markup=False)
    done: set[str] = set()
    for result in extractor.extract(documents, workers=workers):
        done.add(result.document.id)
        data = result.to_gold() if output_format == "gold" else result.to_json()
        if out_dir is None:
            print_json(data)
            continue
        out_dir.mkdir(parents=True, exist_ok=True)
        suffix = ".gold.json" if output_format == "gold" else ".json"
        target = out_dir / f"{result.document.id}{suffix}"
        target.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    for document in documents:
        if document.id not in done:
            why = extractor.failures.get(document.id, "in a worker process")
            err.print(f"Rejected: {document.source}: extraction failed ({why})", markup=False)
            failed.append(InputError(document.source, why))
    if failed:
        sys.exit(1)


def eval_command(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of <id>.txt, .meta.json, .gold.json.")],
    layers: Annotated[
        list[str] | None,
        typer.Option("--layers", help="Score only these layers (repeat the option)."),
    ] = None,
    theater: TheaterOption = None,
    workers: Annotated[int, typer.Option(help="Processes for the NLP pipeline.", min=0)] = 0,
    timeml: Annotated[
        bool,
        typer.Option(
            "--timeml", help="Tag times by TimeML (TempEval) conventions, not parley's own."
        ),
    ] = False,
    attribution: Annotated[
        str,
        typer.Option(
            "--attribution",
            help="Find attributions by PolNeAR's guidelines (stance, cognitive and directive "
            "verbs too), not parley's own.",
            metavar="[parley|polnear]",
        ),
    ] = "parley",
    json_output: JsonOption = False,
) -> None:
    """Score extraction against hand-made gold files, per layer and macro (EVAL.md).

    Layers parley does not extract yet score what they score (zero recall), never faked.
    """
    from parley.eval.run import evaluate
    from parley.eval.score import format_table
    from parley.nlp.pipeline import ATTRIBUTIONS
    from parley.theater import load_theater

    if attribution not in ATTRIBUTIONS:
        raise ConfigError(
            f"--attribution {attribution!r} is unknown; use one of {', '.join(ATTRIBUTIONS)}"
        )
    scores = evaluate(
        gold_dir,
        load_theater(theater),
        layers=layers,
        workers=workers,
        timeml=timeml,
        attribution=attribution,
    )
    if json_output:
        print_json(scores.to_dict())
    else:
        out.print(format_table(scores), markup=False)
