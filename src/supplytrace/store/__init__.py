"""store stage: SQLite by default, one transaction per article."""

from supplytrace.store.sqlite import SearchHit, Store, StoreError, default_db_path

__all__ = ["SearchHit", "Store", "StoreError", "default_db_path"]
