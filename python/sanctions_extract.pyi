"""Type hints for sanctions_extract (the docstrings are the module's own)."""

import os
from typing import Any, Dict, Iterable, Iterator, List, Optional, Union

# A record: a dict equal to `json.loads` of one line of `sanctions-extract
# extract --jsonl` (docs/record.md), or a canonical event.
Record = Dict[str, Any]
# An input item of Pipeline.map: a dict shaped like a JSONL line, or the line.
Article = Union[Dict[str, Any], str, bytes]
PathLike = Union[str, "os.PathLike[str]"]

__version__: str
SCHEMA_VERSION: int

class Error(Exception): ...
class InputError(Error): ...
class InputWarning(UserWarning): ...

def extract(
    text: str,
    *,
    published: Optional[str] = None,
    title: Optional[str] = None,
    url: Optional[str] = None,
    doc_id: Optional[str] = None,
    extra: Optional[Dict[str, Any]] = None,
    emit_text: bool = False,
) -> Record: ...
def extract_html(
    html: str,
    *,
    published: Optional[str] = None,
    title: Optional[str] = None,
    url: Optional[str] = None,
    doc_id: Optional[str] = None,
    extra: Optional[Dict[str, Any]] = None,
    emit_text: bool = False,
) -> Record: ...
def canonical_events(records: Iterable[Union[Record, str, bytes]]) -> List[Record]: ...

class Records(Iterator[Any]):
    def __iter__(self) -> "Records": ...
    def __next__(self) -> Any: ...
    @property
    def summary(self) -> Optional[Dict[str, Union[int, float]]]: ...

class Pipeline:
    def __init__(
        self,
        threads: Optional[int] = None,
        *,
        emit_text: bool = False,
        max_article_bytes: Optional[int] = None,
        max_decompressed_bytes: Optional[int] = None,
    ) -> None: ...
    @property
    def threads(self) -> Optional[int]: ...
    @property
    def emit_text(self) -> bool: ...
    def map(self, articles: Iterable[Article], *, name: str = "input", as_json: bool = False) -> Records: ...
    def read(self, paths: Union[PathLike, Iterable[PathLike]], *, as_json: bool = False) -> Records: ...
