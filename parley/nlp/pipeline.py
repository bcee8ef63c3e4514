"""Loading parley's pipeline: the pinned English model plus parley's components."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from typing import Any

import spacy
from spacy.language import Language
from thinc.api import Config

from parley.errors import ConfigError
from parley.nlp import extensions, factories
from parley.theater import Theater

#: Guidelines the statements component can follow (``load_pipeline(attribution=...)``).
ATTRIBUTIONS: tuple[str, ...] = ("parley", "polnear")


@dataclass(frozen=True)
class PipelineSpec:
    package: str
    name: str
    version: str
    model_components: list[str]
    components: list[str]
    batch_size: int
    component_configs: dict[str, dict[str, Any]]


def pipeline_spec() -> PipelineSpec:
    """The pipeline as the packaged ``pipeline.cfg`` declares it."""
    text = (resources.files("parley") / "nlp" / "pipeline.cfg").read_text(encoding="utf-8")
    config = Config().from_str(text)
    configs = {name: dict(config["components"][name]) for name in config["pipeline"]["components"]}
    return PipelineSpec(
        package=config["model"]["package"],
        name=config["model"]["name"],
        version=config["model"]["version"],
        model_components=list(config["model"]["components"]),
        components=list(config["pipeline"]["components"]),
        batch_size=int(config["pipeline"]["batch_size"]),
        component_configs=configs,
    )


def load_pipeline(
    theater: Theater | None = None,
    *,
    components: list[str] | None = None,
    timeml: bool = False,
    attribution: str = "parley",
) -> Language:
    """The English model with parley's components (all, or the named ones) added.

    ``timeml`` makes the times component follow TimeML (TempEval) conventions instead of
    parley's annotation guidelines: frequencies, vague references and times of day too.
    ``attribution`` ("parley" or "polnear") picks the guidelines of the statements component:
    "polnear" finds attributions by PolNeAR's guidelines (stance, cognitive and directive verbs,
    questions, polls, nominal cues too), not only parley's speech acts.

    Loads offline from the installed model package; a missing or different model is a
    ConfigError that says how to install the pinned one.
    """
    if attribution not in ATTRIBUTIONS:
        raise ConfigError(
            f"attribution {attribution!r} is unknown; use one of {', '.join(ATTRIBUTIONS)}"
        )
    spec = pipeline_spec()
    extensions.register()
    try:
        nlp = spacy.load(spec.package)
    except OSError:
        raise ConfigError(
            f"the spaCy model {spec.package}=={spec.version} is not installed; run `make install` "
            "(or pip install -r requirements/runtime.txt)"
        ) from None
    if (nlp.meta.get("name"), nlp.meta.get("version")) != (spec.name, spec.version):
        raise ConfigError(
            f"the spaCy model is {nlp.meta.get('name')} {nlp.meta.get('version')}, not "
            f"{spec.name} {spec.version}; reinstall it from requirements/runtime.txt"
        )
    if theater is not None:
        factories.use_theater(theater)
    for name in components if components is not None else spec.components:
        config = dict(spec.component_configs[name])
        if timeml and name == "parley_times":
            config["timeml"] = True
        if name == "parley_statements" and attribution != "parley":
            config["guidelines"] = attribution
        nlp.add_pipe(config.pop("factory"), name=name, config=config)
    nlp.batch_size = spec.batch_size
    return nlp


def model_info() -> dict[str, str]:
    """The model the pipeline loads, as declared (no loading): for `parley info`."""
    spec = pipeline_spec()
    return {"model": spec.package, "name": spec.name, "version": spec.version}
