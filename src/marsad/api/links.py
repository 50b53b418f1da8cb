"""OpenAPI links: which answer gives the parameters of which next request (a sent document's id -> the document,
its events; an event -> its document, its actor; an actor -> its allies -> the pair). Clients and stateful
testers (schemathesis) follow them to walk the API as a user would.

Each link: (path, method, statuses) of the answer -> name, (path, method) of the next operation, and its
parameters as OpenAPI runtime expressions.
"""

from __future__ import annotations

POSTED_DOC = "$response.body#/files/0/documents/0/id"
LIST_DOC = "$response.body#/items/0/id"
EVENT_DOC = "$response.body#/items/0/cite_info/doc_id"

DOC = ("/api/documents/{doc_id}", "get")
EVENT = ("/api/events/{event_id}", "get")
EVENTS = ("/api/events", "get")
ACTOR = ("/api/actors/{code}", "get")
ALLIES = ("/api/actors/{code}/allies", "get")
DYAD = ("/api/dyads/{a}/{b}", "get")
DYAD_EVENTS = ("/api/dyads/{a}/{b}/events", "get")

LINKS: list[tuple[tuple[str, str], tuple[str, ...], str, tuple[str, str], dict[str, str]]] = [
    # a document just sent: read it back, and its events
    (("/api/documents", "post"), ("200", "201"), "SentDocument", DOC, {"doc_id": POSTED_DOC}),
    (("/api/documents", "post"), ("200", "201"), "SentDocumentEvents", EVENTS, {"doc_id": POSTED_DOC}),
    (("/api/documents", "get"), ("200",), "Document", DOC, {"doc_id": LIST_DOC}),
    (("/api/search", "get"), ("200",), "FoundDocument", DOC, {"doc_id": "$response.body#/items/0/doc_id"}),
    (DOC, ("200",), "DocumentEvents", EVENTS, {"doc_id": "$response.body#/id"}),
    (DOC, ("200",), "FirstEvent", EVENT, {"event_id": "$response.body#/events/0/id"}),
    (EVENTS, ("200",), "Event", EVENT, {"event_id": LIST_DOC}),
    (EVENTS, ("200",), "EventDocument", DOC, {"doc_id": EVENT_DOC}),
    (EVENTS, ("200",), "Recipient", ACTOR, {"code": "$response.body#/items/0/recipient/code"}),
    (EVENT, ("200",), "Document", DOC, {"doc_id": "$response.body#/cite_info/doc_id"}),
    (("/api/actors", "get"), ("200",), "Actor", ACTOR, {"code": "$response.body#/items/0/code"}),
    (("/api/actors", "get"), ("200",), "Allies", ALLIES, {"code": "$response.body#/items/0/code"}),
    (ACTOR, ("200",), "Allies", ALLIES, {"code": "$response.body#/code"}),
    (ACTOR, ("200",), "Partner", DYAD_EVENTS, {"a": "$response.body#/code",
                                               "b": "$response.body#/partners/0/partner"}),
    (ALLIES, ("200",), "Pair", DYAD, {"a": "$request.path.code", "b": "$response.body#/0/code"}),
    (ALLIES, ("200",), "PairEvents", DYAD_EVENTS, {"a": "$request.path.code", "b": "$response.body#/0/code"}),
]


def add_links(schema: dict) -> None:
    """Add LINKS to an OpenAPI document (by operationId); a link to or from a missing operation is skipped."""
    paths = schema.get("paths", {})
    for (path, method), statuses, name, (to_path, to_method), params in LINKS:
        op = paths.get(path, {}).get(method)
        target = paths.get(to_path, {}).get(to_method)
        if op is None or target is None or "operationId" not in target:
            continue
        for status in statuses:
            response = op.setdefault("responses", {}).setdefault(status, {"description": "OK"})
            response.setdefault("links", {})[name] = {"operationId": target["operationId"], "parameters": params}
