"""Read endpoints: documents, events, actors, pairs, network, search, and the alliance analysis."""

from __future__ import annotations

import csv
import importlib
import io
from types import ModuleType
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import StreamingResponse

from ..store.answers import stats as kept_stats
from ..store.db import Store
from . import queries, search
from .actors import formal_ties
from .auth import require_read
from .deps import NO_NUL, AsOf, CodePath, CodeQ, Limit, Offset, Since, Text, Until, full_day, get_store, page
from .errors import ApiError
from .paths import public_path

router = APIRouter(prefix="/api", dependencies=[Depends(require_read)])
StoreDep = Annotated[Store, Depends(get_store)]
DocId = Annotated[str, Path(pattern=r"^[0-9A-Za-z-]{4,64}$", description="Document id or a unique prefix of it.")]


# -- store ---------------------------------------------------------------------------------------

@router.get("/health", tags=["store"], summary="Server and store status")
def health(request: Request, store: StoreDep) -> dict:
    return {"status": "ok", "dialect": store.dialect, "schema_version": store.version(),
            "read_keys_required": request.app.state.config.read_keys_required}


@router.get("/stats", tags=["store"], summary="Counts of documents, sentences, mentions, events; per outlet")
def stats(store: StoreDep) -> dict:
    return kept_stats(store)  # kept in the store until it changes: a join of every sentence at 100,000 documents


@router.get("/event-types", tags=["events"], summary="PLOVER event types with quad class, intensity, modes")
def event_types() -> list[dict]:
    return queries.event_types()


# -- documents -----------------------------------------------------------------------------------

@router.get("/documents", tags=["documents"], summary="Documents in ingest order")
def documents(store: StoreDep, limit: Limit = 50, offset: Offset = 0) -> dict:
    total = store.scalar("SELECT COUNT(*) FROM documents")
    return page(store.documents(limit, offset), int(total or 0), limit, offset)


@router.get("/documents/{doc_id}", tags=["documents"], summary="One document with its sentences, mentions, events")
def document(doc_id: DocId, store: StoreDep) -> dict:
    d = store.document(doc_id)
    if d is None:
        raise ApiError(404, f"no document '{doc_id}'")
    d["path"] = public_path(d.get("path"))
    for e in d.get("events") or []:
        if isinstance(e.get("cite_info"), dict) and "path" in e["cite_info"]:
            e["cite_info"]["path"] = public_path(e["cite_info"]["path"])
    return d


@router.get("/search", tags=["documents"], summary="Sentences containing every word (spelling variants match)")
def search_sentences(store: StoreDep, q: Annotated[str, Query(min_length=1, max_length=200, pattern=NO_NUL)],
                     limit: Limit = 50, offset: Offset = 0) -> dict:
    rows, total = search.search_sentences(store, q, limit, offset)
    return page(rows, total, limit, offset)


# -- events --------------------------------------------------------------------------------------

def event_filter(
    actor: CodeQ = None,
    recipient: CodeQ = None,
    party: Annotated[str | None, Query(pattern=r"^[A-Za-z0-9_.-]{1,40}$", description="Actor or recipient.")] = None,
    event: Annotated[str | None, Query(pattern=r"^[A-Za-z_,]{1,200}$", description="Type(s), comma-separated.")] = None,
    mode: Text = None,
    quad: Annotated[Literal["verbal_cooperation", "material_cooperation", "verbal_conflict",
                            "material_conflict"] | None, Query()] = None,
    since: Since = None,
    until: Until = None,
    source: Annotated[str | None, Query(max_length=200, pattern=NO_NUL, description="Outlet.")] = None,
    negated: Annotated[bool | None, Query(description="Only negated (true) or only affirmed (false) events.")] = None,
    modality: Annotated[Literal["asserted", "future", "hypothetical", "historical"] | None, Query()] = None,
    q: Annotated[str | None, Query(max_length=200, pattern=NO_NUL, description="Words of the evidence sentence.")] = None,
    doc_id: Annotated[str | None, Query(pattern=r"^[0-9A-Za-z-]{1,64}$")] = None,
    include_duplicates: bool = False,
) -> queries.EventFilter:
    return queries.EventFilter(actor=actor, recipient=recipient, party=party, event=event, mode=mode, quad=quad,
                               since=since, until=until, source=source, negated=negated, modality=modality, q=q,
                               doc_id=doc_id, include_duplicates=include_duplicates)


Filter = Annotated[queries.EventFilter, Depends(event_filter)]
Order = Annotated[Literal["asc", "desc"], Query(description="By date then id.")]


@router.get("/events", tags=["events"], summary="Events, filtered and paged")
def events(store: StoreDep, f: Filter, limit: Limit = 50, offset: Offset = 0, order: Order = "asc") -> dict:
    items, total = queries.list_events(store, f, limit, offset, order)
    return page(items, total, limit, offset)


@router.get("/events.csv", tags=["events"], summary="The same selection as CSV (columns of `marsad export events`)",
            response_class=StreamingResponse, responses={200: {"content": {"text/csv": {}}}})
def events_csv(request: Request, f: Filter, order: Order = "asc",
               limit: Annotated[int, Query(ge=1, le=100_000)] = 10_000) -> StreamingResponse:
    from ..exchange.export import FLAT_COLUMNS, flat

    with request.app.state.pool.store() as store:
        items, _ = queries.list_events(store, f, limit, 0, order)
    buf = io.StringIO()
    buf.write("\ufeff")  # lets spreadsheet programs read the Arabic as UTF-8
    w = csv.DictWriter(buf, fieldnames=FLAT_COLUMNS, extrasaction="ignore")
    w.writeheader()
    for e in items:
        w.writerow(flat(e))
    return StreamingResponse(iter([buf.getvalue()]), media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition": 'attachment; filename="marsad-events.csv"'})


@router.get("/events/{event_id}", tags=["events"], summary="One event")
def event(event_id: Annotated[str, Path(max_length=100)], store: StoreDep) -> dict:
    rows = store.rows("SELECT e.* FROM events e WHERE e.id = ?", (event_id,))
    if not rows:
        raise ApiError(404, f"no event '{event_id}'")
    from ..store.db import event_from_row

    return event_from_row(rows[0])


# -- actors --------------------------------------------------------------------------------------

@router.get("/actors", tags=["actors"], summary="Actors by Arabic or Latin name or code, with mention counts")
def actors(request: Request, store: StoreDep, q: Text = None, limit: Limit = 50, offset: Offset = 0) -> dict:
    found = request.app.state.actors.search(q)
    counts = queries.mention_counts(store)
    if not q:  # browsing: the most mentioned first
        found = sorted(found, key=lambda i: (-counts.get(i.code, 0), i.code))
    items = [{**i.to_dict(), "mentions": counts.get(i.code, 0)} for i in found[offset:offset + limit]]
    return page(items, len(found), limit, offset)


@router.get("/actors/names", tags=["actors"], summary="Arabic and English name of every actor code")
def actor_names(request: Request) -> dict:
    return request.app.state.actors.names()


def _actor(request: Request, code: str) -> dict:
    info = request.app.state.actors.by_code.get(code.upper())
    return info.to_dict() if info else {"code": code.upper(), "name_ar": "", "name_en": "", "kind": "unknown",
                                        "entry": ""}


@router.get("/actors/{code}", tags=["actors"], summary="An actor: names, counts, formal ties, main partners")
def actor(request: Request, code: CodePath, store: StoreDep, as_of: AsOf = None) -> dict:
    code = code.upper()
    info = _actor(request, code)
    mentions = store.scalar("SELECT COUNT(*) FROM mentions WHERE code = ?", (code,)) or 0
    n_events = store.scalar("SELECT COUNT(*) FROM events WHERE (actor_code = ? OR recipient_code = ?) AND dup = 0",
                            (code, code)) or 0
    if info["kind"] == "unknown" and not mentions and not n_events:
        raise ApiError(404, f"no actor '{code}' in the dictionary or the store")
    return {**info, "mentions": int(mentions), "events": int(n_events), "ties": formal_ties(code, full_day(as_of, end=True)),
            "partners": queries.partners(store, code, 20)}


@router.get("/actors/{code}/timeline", tags=["actors"], summary="Events of an actor per month and quad class")
def actor_timeline(code: CodePath, store: StoreDep) -> list[dict]:
    return queries.timeline(store, code)


@router.get("/actors/{code}/partners", tags=["actors"], summary="Counterparts in events, most events first")
def actor_partners(code: CodePath, store: StoreDep, limit: Limit = 30) -> list[dict]:
    return queries.partners(store, code, limit)


@router.get("/actors/{code}/ties", tags=["actors"], summary="Organisations and treaties of an actor on a date")
def actor_ties(code: CodePath, as_of: AsOf = None) -> dict:
    return formal_ties(code, full_day(as_of, end=True))


# -- alliance analysis (marsad.analysis) -----------------------------------------------------------

def analysis(name: str, *args, **kwargs):
    try:
        fn = getattr(importlib.import_module("marsad.analysis"), name)
        if isinstance(fn, ModuleType):  # a submodule of the same name shadows the package's lazy attribute
            fn = getattr(fn, name)
    except (ImportError, AttributeError):
        raise ApiError(501, f"alliance analysis '{name}' is not available in this Marsad build") from None
    try:
        return jsonable_encoder(fn(*args, **kwargs))
    except (KeyError, LookupError, ValueError) as e:
        raise ApiError(400, f"{name}: {e}") from None


@router.get("/actors/{code}/allies", tags=["alliances"], summary="Allies of an actor, strongest first, with trends")
def allies(code: CodePath, store: StoreDep, as_of: AsOf = None):
    return analysis("allies", store, code.upper(), full_day(as_of, end=True))


@router.get("/actors/{code}/whatif", tags=["alliances"], summary="Who would likely side with or against the actor "
            "if it were attacked")
def whatif(code: CodePath, store: StoreDep, as_of: AsOf = None):
    return analysis("whatif_attack", store, code.upper(), full_day(as_of, end=True))


@router.get("/dyads/{a}/{b}", tags=["alliances"], summary="Alignment of a pair over time")
def dyad(a: CodePath, b: CodePath, store: StoreDep):
    return analysis("dyad", store, a.upper(), b.upper())


@router.get("/dyads/{a}/{b}/events", tags=["alliances"], summary="Events between two actors, either direction")
def dyad_events(a: CodePath, b: CodePath, store: StoreDep, limit: Limit = 50, offset: Offset = 0,
                order: Order = "asc") -> dict:
    items, total = queries.list_events(store, queries.EventFilter(pair=(a, b)), limit, offset, order)
    return page(items, total, limit, offset)


@router.get("/dyads/{a}/{b}/timeline", tags=["alliances"], summary="Events between two actors per month and quad")
def dyad_timeline(a: CodePath, b: CodePath, store: StoreDep) -> list[dict]:
    return queries.timeline(store, a, b)


@router.get("/drift", tags=["alliances"], summary="Pairs whose alignment moved most")
def drift(store: StoreDep, since: Since = None):
    return analysis("drift", store, full_day(since, end=False))


@router.get("/blocs", tags=["alliances"], summary="Blocs of aligned actors")
def blocs(store: StoreDep, as_of: AsOf = None):
    return analysis("blocs", store, full_day(as_of, end=True))


@router.get("/sources", tags=["alliances"], summary="Outlets and how they frame actors")
def sources(store: StoreDep):
    return analysis("sources", store)


@router.get("/network", tags=["alliances"], summary="Actor graph from events (weight: events, tone: mean intensity)")
def network(store: StoreDep, since: Since = None, until: Until = None,
            min_events: Annotated[int, Query(ge=1, le=100_000)] = 1,
            limit: Annotated[int, Query(ge=1, le=2000)] = 300) -> dict:
    return queries.network(store, since, until, min_events, limit)
