"""Schema migrations, oldest first. Each is a list of portable SQL statements (SQLite and PostgreSQL).

``{blob}`` and ``{float}`` are filled per dialect; a statement given as {dialect: sql} differs per dialect.
Never edit a released migration: append a new one.
Column names avoid SQL keywords (start_off/end_off rather than start/end).
"""

from __future__ import annotations

# Tables whose changes make kept answers stale, with the event columns an in-place change of which counts
# (all but cluster_id, which the refresh rewrites and reports itself with one bump).
CHANGED = {
    "documents": None, "mentions": None, "sentences": None,
    "events": ("doc_id, sentence_idx, event, mode, context, intensity, quad, cameo, actor_code, actor_agent, "
               "actor_name, actor_text, actor_start, actor_end, recipient_code, recipient_agent, recipient_name, "
               "recipient_text, recipient_start, recipient_end, negated, modality, attribution, attribution_code, "
               "date, date_precision, date_end, event_text, trigger_start, trigger_end, evidence_start, "
               "evidence_end, sentence, confidence, pattern, symmetric, location, source, dup"),
}
BUMP = "UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'data_generation'"
GENERATION_SQLITE = "SELECT 1"  # SQLite triggers carry their statement inline
GENERATION_PG = f"""CREATE FUNCTION marsad_bump_generation() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN {BUMP}; RETURN NULL; END $$"""


def _triggers(table: str) -> list[dict[str, str]]:
    """SQLite: one row-level trigger per kind of change; PostgreSQL: one statement-level trigger."""
    cols = CHANGED[table]
    update = f"UPDATE OF {cols}" if cols else "UPDATE"
    return [{"sqlite": f"CREATE TRIGGER {table}_{kind}_gen AFTER {sql} ON {table} BEGIN {BUMP}; END",
             "postgresql": "SELECT 1" if kind == "delete" else
             f"""CREATE TRIGGER {table}_gen AFTER {update} OR DELETE ON {table}
                 FOR EACH STATEMENT EXECUTE FUNCTION marsad_bump_generation()"""}
            for kind, sql in (("update", update), ("delete", "DELETE"))]


MIGRATIONS: list[tuple[int, str, list[str | dict[str, str]]]] = [
    (1, "documents, sentences, actors, mentions, events, ingest ledger", [
        """CREATE TABLE documents (
            id TEXT PRIMARY KEY, source TEXT, url TEXT, path TEXT, title TEXT, published TEXT,
            language TEXT, text TEXT NOT NULL, origin TEXT, ingested_at TEXT,
            dup_of TEXT, dup_score {float}, minhash {blob}, seq INTEGER)""",
        "CREATE INDEX documents_published ON documents (published)",
        "CREATE INDEX documents_source ON documents (source)",
        """CREATE TABLE sentences (
            doc_id TEXT NOT NULL, idx INTEGER NOT NULL, start_off INTEGER, end_off INTEGER,
            text TEXT, norm TEXT, kind TEXT, PRIMARY KEY (doc_id, idx))""",
        """CREATE TABLE actors (
            code TEXT PRIMARY KEY, kind TEXT, name_en TEXT, name_ar TEXT, country TEXT)""",
        """CREATE TABLE mentions (
            doc_id TEXT NOT NULL, sentence_idx INTEGER, start_off INTEGER NOT NULL, end_off INTEGER NOT NULL,
            text TEXT, code TEXT NOT NULL, agent TEXT, kind TEXT, person TEXT, entry TEXT, published TEXT,
            PRIMARY KEY (doc_id, start_off, end_off, code))""",
        "CREATE INDEX mentions_code ON mentions (code)",
        """CREATE TABLE events (
            id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, sentence_idx INTEGER, event TEXT NOT NULL, mode TEXT,
            context TEXT, intensity {float}, quad TEXT, cameo TEXT,
            actor_code TEXT, actor_agent TEXT, actor_name TEXT, actor_text TEXT, actor_start INTEGER, actor_end INTEGER,
            recipient_code TEXT, recipient_agent TEXT, recipient_name TEXT, recipient_text TEXT,
            recipient_start INTEGER, recipient_end INTEGER,
            negated INTEGER, modality TEXT, attribution TEXT, attribution_code TEXT,
            date TEXT, date_precision TEXT, date_end TEXT, event_text TEXT,
            trigger_start INTEGER, trigger_end INTEGER, evidence_start INTEGER, evidence_end INTEGER,
            sentence TEXT, confidence {float}, pattern TEXT, symmetric INTEGER, location TEXT,
            cluster_id TEXT, source TEXT, dup INTEGER DEFAULT 0)""",
        "CREATE INDEX events_actor ON events (actor_code, date)",
        "CREATE INDEX events_recipient ON events (recipient_code, date)",
        "CREATE INDEX events_doc ON events (doc_id)",
        "CREATE INDEX events_type ON events (event)",
        """CREATE TABLE files (
            path TEXT PRIMARY KEY, size INTEGER, mtime {float}, status TEXT, documents INTEGER,
            errors INTEGER, message TEXT, updated_at TEXT)""",
    ]),
    (2, "candidate actor names found next to titles", [
        """CREATE TABLE candidates (
            name TEXT NOT NULL, title TEXT, guess_code TEXT, guess_agent TEXT, count INTEGER,
            example TEXT, doc_id TEXT, status TEXT DEFAULT 'new', PRIMARY KEY (name))""",
    ]),
    (3, "alliance analysis: event clusters, dyad x month aggregates", [
        """CREATE TABLE clusters (
            id TEXT PRIMARY KEY, a TEXT NOT NULL, b TEXT NOT NULL, directed INTEGER, event TEXT, quad TEXT,
            mclass TEXT, date TEXT, month TEXT, weight {float}, reports INTEGER, sources INTEGER, best_event TEXT)""",
        "CREATE INDEX clusters_a ON clusters (a, date)",
        "CREATE INDEX clusters_b ON clusters (b, date)",
        "CREATE INDEX clusters_pair ON clusters (a, b, date)",
        """CREATE TABLE dyad_month (
            a TEXT NOT NULL, b TEXT NOT NULL, month TEXT NOT NULL, pos {float}, neg {float}, clusters INTEGER,
            pos_d {float}, neg_d {float}, volume {float}, clusters_total INTEGER,
            top_pos TEXT, top_pos_w {float}, top_neg TEXT, top_neg_w {float}, PRIMARY KEY (a, b, month))""",
        "CREATE INDEX dyad_month_b ON dyad_month (b, month)",
        """CREATE TABLE dyads (
            a TEXT NOT NULL, b TEXT NOT NULL, first_month TEXT, last_month TEXT, clusters INTEGER,
            PRIMARY KEY (a, b))""",
        "CREATE INDEX dyads_b ON dyads (b)",
        "CREATE INDEX events_cluster ON events (cluster_id)",
        "CREATE INDEX events_pair ON events (actor_code, recipient_code, event)",
    ]),
    (4, "API keys of the REST API (salted sha256, never the key itself)", [
        """CREATE TABLE api_keys (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, salt TEXT NOT NULL, hash TEXT NOT NULL,
            created_at TEXT NOT NULL, revoked_at TEXT)""",
        "CREATE UNIQUE INDEX api_keys_active_name ON api_keys (name) WHERE revoked_at IS NULL",
    ]),
    (5, "API key scopes (read, write, admin) and optional expiry", [
        "ALTER TABLE api_keys ADD COLUMN scopes TEXT NOT NULL DEFAULT 'read,write'",
        "ALTER TABLE api_keys ADD COLUMN expires_at TEXT",
    ]),
    (6, "learned layer: each sentence's quad label and its probability (marsad.learn)", [
        "ALTER TABLE sentences ADD COLUMN quad TEXT",
        "ALTER TABLE sentences ADD COLUMN quad_p {float}",
        "CREATE INDEX sentences_quad ON sentences (quad)",
    ]),
    (7, "scale: the next seq from an index; near-duplicate LSH bands in the store; per-document cache", [
        "CREATE INDEX documents_seq ON documents (seq)",
        # one row per LSH band of every original (not near-duplicate) document: key = hash of the band
        "CREATE TABLE near_dup_bands (key {bigint} NOT NULL, seq INTEGER NOT NULL)",
        "CREATE INDEX near_dup_bands_key ON near_dup_bands (key)",
        # per-document results of text measures (framing), kept until what computed them changes
        """CREATE TABLE doc_cache (doc_id TEXT NOT NULL, kind TEXT NOT NULL, version TEXT NOT NULL, value TEXT,
            PRIMARY KEY (kind, doc_id))""",
    ]),
    (8, "scale: events of one (pair, type) by date, for the incremental refresh's date windows", [
        "CREATE INDEX events_pair_date ON events (actor_code, recipient_code, event, date)",
        "DROP INDEX IF EXISTS events_pair",  # a prefix of the new one
    ]),
    (9, "scale: answers of costly reads kept until the store changes (store/answers.py)", [
        """CREATE TABLE answers (name TEXT NOT NULL, params TEXT NOT NULL, state TEXT NOT NULL, value TEXT,
            made_at TEXT, PRIMARY KEY (name, params))""",
        # bumped by every UPDATE or DELETE of stored documents, mentions or events (inserts show in their
        # rowids/counts); the refresh's cluster ids bump it once per refresh (store/answers.py)
        "INSERT INTO meta (key, value) VALUES ('data_generation', '0')",
        {"sqlite": GENERATION_SQLITE, "postgresql": GENERATION_PG},
        *[trigger for table in CHANGED for trigger in _triggers(table)],
        # the dashboard's reads of one party (counts, partners, timeline, latest events) from the index alone
        # (no index led by dup: the planner then prefers it to these for "dup = 0" and reads every event)
        """CREATE INDEX events_actor_cover ON events
            (actor_code, dup, negated, modality, recipient_code, date, quad, intensity, id)""",
        """CREATE INDEX events_recipient_cover ON events
            (recipient_code, dup, negated, modality, actor_code, date, quad, intensity, id)""",
    ]),
]

DIALECT = {
    "sqlite": {"blob": "BLOB", "float": "REAL", "bigint": "INTEGER"},
    "postgresql": {"blob": "BYTEA", "float": "DOUBLE PRECISION", "bigint": "BIGINT"},
}


def statements(dialect: str, since: int) -> list[tuple[int, str, list[str]]]:
    subs = DIALECT[dialect]
    return [(v, name, [s.format(**subs) if isinstance(s, str) else s[dialect] for s in sqls])
            for v, name, sqls in sorted(MIGRATIONS) if v > since]


LATEST = max(v for v, _, _ in MIGRATIONS)
