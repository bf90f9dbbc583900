"""screen stage: match stored organizations and persons against sanctions data (FtM / yente).

    from supplytrace.screen import screen_store
    report = screen_store(store, lists="examples/sanctions/sample.ftm.jsonl")
    report.listed, report.possible, report.unlisted
"""

from supplytrace.screen.index import ListedEntity, ListIndex, SanctionInfo, load_index
from supplytrace.screen.lists import ListError, iter_entities
from supplytrace.screen.match import (
    DEFAULT_CUTOFF,
    DEFAULT_THRESHOLD,
    LISTED,
    POSSIBLE,
    UNLISTED,
    Hit,
    LocalMatcher,
    ScreenReport,
    ScreenResult,
    screen_records,
    screen_store,
)

__all__ = [
    "DEFAULT_CUTOFF",
    "DEFAULT_THRESHOLD",
    "LISTED",
    "POSSIBLE",
    "UNLISTED",
    "Hit",
    "ListError",
    "ListIndex",
    "ListedEntity",
    "LocalMatcher",
    "SanctionInfo",
    "ScreenReport",
    "ScreenResult",
    "iter_entities",
    "load_index",
    "screen_records",
    "screen_store",
]
