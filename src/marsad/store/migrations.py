"""Schema migrations, oldest first. Each is a list of portable SQL statements (SQLite and PostgreSQL).

``{blob}`` and ``{float}`` are filled per dialect. Never edit a released migration: append a new one.
Column names avoid SQL keywords (start_off/end_off rather than start/end).
"""

from __future__ import annotations

MIGRATIONS: list[tuple[int, str, list[str]]] = [
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
]

DIALECT = {
    "sqlite": {"blob": "BLOB", "float": "REAL", "bigint": "INTEGER"},
    "postgresql": {"blob": "BYTEA", "float": "DOUBLE PRECISION", "bigint": "BIGINT"},
}


def statements(dialect: str, since: int) -> list[tuple[int, str, list[str]]]:
    subs = DIALECT[dialect]
    return [(v, name, [s.format(**subs) for s in sqls]) for v, name, sqls in sorted(MIGRATIONS) if v > since]


LATEST = max(v for v, _, _ in MIGRATIONS)
