"""When a bill of materials says it was made: `SOURCE_DATE_EPOCH` when it is set (the
reproducible-builds convention, https://reproducible-builds.org/docs/source-date-epoch/), so the
same repository gives the same document; otherwise the time of the run. SPDX 3 requires the
time (CreationInfo.created); CycloneDX's is optional but expected."""

from __future__ import annotations

import os
from datetime import datetime, timezone


def created() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    moment = None
    if epoch.isdigit():
        try:
            moment = datetime.fromtimestamp(int(epoch), tz=timezone.utc)
        except (OverflowError, OSError, ValueError):
            moment = None
    moment = moment or datetime.now(tz=timezone.utc)
    return moment.replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")
