"""SQLite schema as an ordered list of migrations; `PRAGMA user_version` records how far a file is.

Append a new migration to change the schema; never edit one that has shipped.
"""

from __future__ import annotations

from supplytrace.vocab import EntityType, MilestoneEvent, Modality, Predicate, sql_in_list

MIGRATIONS: list[str] = [
    # 1: documents with full-text search, per-document extraction, canonical entities.
    f"""
    CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        source TEXT,
        url TEXT,
        title TEXT,
        outlet TEXT,
        published TEXT,
        language TEXT,
        text TEXT NOT NULL,
        removed TEXT NOT NULL DEFAULT '[]',
        extractor TEXT,
        ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, text, content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
    END;

    CREATE TABLE entities (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        type TEXT NOT NULL CHECK (type IN {sql_in_list(EntityType)}),
        country TEXT
    );
    CREATE INDEX entities_type ON entities(type);

    CREATE TABLE aliases (
        entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        norm TEXT NOT NULL,
        rule TEXT NOT NULL,          -- which rule joined this alias (explainability)
        score REAL,
        detail TEXT,
        PRIMARY KEY (entity_id, name)
    );
    CREATE INDEX aliases_norm ON aliases(norm);

    CREATE TABLE doc_entities (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        name TEXT NOT NULL,
        type TEXT NOT NULL CHECK (type IN {sql_in_list(EntityType)}),
        aliases TEXT NOT NULL DEFAULT '[]',
        country TEXT,
        entity_id INTEGER REFERENCES entities(id) ON DELETE SET NULL,
        PRIMARY KEY (doc_id, key)
    );
    CREATE INDEX doc_entities_entity ON doc_entities(entity_id);

    CREATE TABLE mentions (
        id INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        type TEXT NOT NULL CHECK (type IN {sql_in_list(EntityType)})
    );
    CREATE INDEX mentions_doc ON mentions(doc_id, key);

    CREATE TABLE claims (
        id INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        subject_key TEXT,
        predicate TEXT NOT NULL CHECK (predicate IN {sql_in_list(Predicate)}),
        object_key TEXT,
        object_text TEXT,
        subject_text TEXT,
        value TEXT,                  -- JSON: number or [low, high]
        unit TEXT,
        period TEXT,
        date TEXT,
        date_from TEXT,
        date_to TEXT,
        event TEXT CHECK (event IS NULL OR event IN {sql_in_list(MilestoneEvent)}),
        modality TEXT NOT NULL CHECK (modality IN {sql_in_list(Modality)}),
        attributed_to TEXT NOT NULL DEFAULT '[]',   -- JSON list of doc entity keys
        hedge TEXT,
        evidence TEXT NOT NULL DEFAULT '',
        evidence_start INTEGER,
        evidence_end INTEGER,
        UNIQUE (doc_id, idx)
    );
    CREATE INDEX claims_doc ON claims(doc_id);
    CREATE INDEX claims_predicate ON claims(predicate);

    CREATE TABLE overrides (
        id INTEGER PRIMARY KEY,
        action TEXT NOT NULL CHECK (action IN ('merge', 'split')),
        a TEXT NOT NULL,
        b TEXT NOT NULL,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    """,
    # 2: how each article's entity joined its canonical entity (resolve explainability, `entity --why`).
    """
    CREATE TABLE entity_links (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        entity_id INTEGER REFERENCES entities(id) ON DELETE CASCADE,
        rule TEXT NOT NULL,
        score REAL,
        matched TEXT,
        via TEXT,
        detail TEXT,
        PRIMARY KEY (doc_id, key)
    );
    CREATE INDEX entity_links_entity ON entity_links(entity_id);
    """,
    # 3: a change counter every write bumps (readers cache analyses until it moves), and indexes for the
    #    entity-page queries: a document's claims in order, entity names for lookup by name.
    """
    CREATE TABLE data_version (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        n INTEGER NOT NULL,
        uid TEXT NOT NULL            -- random, set once: tells apart files that reuse a path
    );
    INSERT INTO data_version (id, n, uid) VALUES (1, 0, lower(hex(randomblob(8))));
    CREATE TRIGGER documents_version_i AFTER INSERT ON documents BEGIN UPDATE data_version SET n = n + 1; END;
    CREATE TRIGGER documents_version_u AFTER UPDATE ON documents BEGIN UPDATE data_version SET n = n + 1; END;
    CREATE TRIGGER documents_version_d AFTER DELETE ON documents BEGIN UPDATE data_version SET n = n + 1; END;
    CREATE TRIGGER doc_entities_version_i AFTER INSERT ON doc_entities BEGIN UPDATE data_version SET n = n + 1; END;
    CREATE TRIGGER doc_entities_version_u AFTER UPDATE ON doc_entities BEGIN UPDATE data_version SET n = n + 1; END;
    CREATE TRIGGER doc_entities_version_d AFTER DELETE ON doc_entities BEGIN UPDATE data_version SET n = n + 1; END;
    CREATE TRIGGER claims_version_i AFTER INSERT ON claims BEGIN UPDATE data_version SET n = n + 1; END;
    CREATE TRIGGER claims_version_u AFTER UPDATE ON claims BEGIN UPDATE data_version SET n = n + 1; END;
    CREATE TRIGGER claims_version_d AFTER DELETE ON claims BEGIN UPDATE data_version SET n = n + 1; END;
    CREATE TRIGGER entities_version_i AFTER INSERT ON entities BEGIN UPDATE data_version SET n = n + 1; END;
    CREATE TRIGGER entities_version_u AFTER UPDATE ON entities BEGIN UPDATE data_version SET n = n + 1; END;
    CREATE TRIGGER entities_version_d AFTER DELETE ON entities BEGIN UPDATE data_version SET n = n + 1; END;
    CREATE TRIGGER aliases_version_i AFTER INSERT ON aliases BEGIN UPDATE data_version SET n = n + 1; END;
    CREATE TRIGGER aliases_version_u AFTER UPDATE ON aliases BEGIN UPDATE data_version SET n = n + 1; END;
    CREATE TRIGGER aliases_version_d AFTER DELETE ON aliases BEGIN UPDATE data_version SET n = n + 1; END;
    CREATE TRIGGER overrides_version_i AFTER INSERT ON overrides BEGIN UPDATE data_version SET n = n + 1; END;
    CREATE TRIGGER overrides_version_u AFTER UPDATE ON overrides BEGIN UPDATE data_version SET n = n + 1; END;
    CREATE TRIGGER overrides_version_d AFTER DELETE ON overrides BEGIN UPDATE data_version SET n = n + 1; END;
    CREATE TRIGGER entity_links_version_i AFTER INSERT ON entity_links BEGIN UPDATE data_version SET n = n + 1; END;
    CREATE TRIGGER entity_links_version_u AFTER UPDATE ON entity_links BEGIN UPDATE data_version SET n = n + 1; END;
    CREATE TRIGGER entity_links_version_d AFTER DELETE ON entity_links BEGIN UPDATE data_version SET n = n + 1; END;
    CREATE INDEX entities_name ON entities(name COLLATE NOCASE);
    CREATE INDEX aliases_name ON aliases(name COLLATE NOCASE);
    """,
    # 4: the goods as the sentence words them, beside the product name that analyses group by.
    """
    ALTER TABLE claims ADD COLUMN object_detail TEXT;
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)
