"""The schema validators shipped as generated code (grader/validators) are current and
judge documents exactly as fastjsonschema compiling the schema at run time does."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import fastjsonschema
import pytest

from grader import report
from grader.validators import GENERATED, shipped
from grader.validators.generate import generate

from .conftest import ROOT


@pytest.mark.parametrize("name", GENERATED)
def test_each_shipped_validator_was_generated_from_the_schema_as_it_is(name: str) -> None:
    text = report.schema_text(name)
    assert shipped(name, text) is not None, (
        f"grader/validators/{name}.py is stale: run python -m grader.validators.generate"
    )
    module = __import__(f"grader.validators.{name}", fromlist=["validate"])
    assert generate(name, text) == Path(module.__file__).read_text()


def test_a_changed_schema_is_compiled_at_run_time_not_judged_by_old_code() -> None:
    assert shipped("report", report.schema_text("report") + " ") is None
    assert shipped("lti-scores", report.schema_text("lti-scores")) is None  # never generated


def _verdict(validator: Any, document: Any) -> str | None:
    try:
        validator(document)
    except fastjsonschema.JsonSchemaException as exc:
        return str(exc)
    return None


def test_the_shipped_report_validator_judges_as_fastjsonschema_does(tmp_path: Any) -> None:
    from grader.grade import grade

    graded = grade(ROOT / "solutions" / "forward.py", assignment="forward", sandbox="process")
    assert graded.status == "graded" and graded.score == graded.max_score
    document = graded.to_dict()
    document = json.loads(json.dumps(document))
    fresh = fastjsonschema.compile(report.schema("report"))
    ours = shipped("report", report.schema_text("report"))
    assert report._compiled("report") is ours
    broken = []
    for key in list(document)[:12]:
        for value in (None, -1, "x", [], {"extra": 1}):
            changed = copy.deepcopy(document)
            changed[key] = value
            broken.append(changed)
    extra = copy.deepcopy(document)
    extra["unexpected"] = 1
    broken.append(extra)
    for candidate in [document, *broken]:
        assert _verdict(ours, candidate) == _verdict(fresh, candidate)
    assert _verdict(ours, document) is None
    assert any(_verdict(ours, b) is not None for b in broken)
