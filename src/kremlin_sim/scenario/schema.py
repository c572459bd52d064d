"""A JSON Schema of the format, generated from the one declaration in spec.py."""

from __future__ import annotations

from typing import Any

from .spec import (DATE_PATTERN, ID_PATTERN, MAX_ID, MAX_LINE, SCENARIO, SCENARIO_ID_PATTERN, ListOf, MapOf,
                   OneOf, Scalar, Struct)

SCHEMA_ID = "https://kremlin-sim.example/schema/scenario-v1.json"


def _scalar(spec: Scalar) -> dict[str, Any]:
    if spec.kind == "int":
        out: dict[str, Any] = {"type": "integer"}
        if spec.minimum is not None:
            out["minimum"] = spec.minimum
        if spec.maximum is not None:
            out["maximum"] = spec.maximum
        return out
    if spec.kind == "bool":
        return {"type": "boolean"}
    if spec.kind == "id":
        return {"type": "string", "pattern": ID_PATTERN, "maxLength": MAX_ID}
    if spec.kind == "scenario_id":
        return {"type": "string", "pattern": SCENARIO_ID_PATTERN, "maxLength": MAX_ID}
    if spec.kind == "date":
        return {"type": "string", "pattern": DATE_PATTERN}
    if spec.kind == "line":
        return {"type": "string", "maxLength": MAX_LINE}
    return {"type": "string"}


def _type(spec: Any, defs: dict[str, Any]) -> dict[str, Any]:
    if isinstance(spec, Struct):
        if spec.name not in defs:
            defs[spec.name] = {}  # placeholder first: the format is not recursive, but stay safe
            defs[spec.name] = {
                "type": "object", "description": spec.doc, "additionalProperties": False,
                "required": [f.name for f in spec.fields if f.required],
                "properties": {f.name: {**_type(f.type, defs), "description": f.doc} for f in spec.fields},
            }
        return {"$ref": f"#/$defs/{spec.name}"}
    if isinstance(spec, ListOf):
        out: dict[str, Any] = {"type": "array", "items": _type(spec.item, defs)}
        if spec.min_items:
            out["minItems"] = spec.min_items
        if spec.max_items is not None:
            out["maxItems"] = spec.max_items
        return out
    if isinstance(spec, MapOf):
        return {"type": "object", "propertyNames": {"pattern": ID_PATTERN}, "additionalProperties": _type(spec.value, defs)}
    if isinstance(spec, OneOf):
        return {"oneOf": [_type(option, defs) for option in spec.options]}
    return _scalar(spec)


def json_schema() -> dict[str, Any]:
    defs: dict[str, Any] = {}
    root = _type(SCENARIO, defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID,
        "title": "kremlin-sim scenario, format 1", **root, "$defs": defs,
    }
