"""Errors with a code and a fix hint.

Codes are stable strings that tools and tests can match on.  Inputs that cannot be read become
:class:`marsad.model.ErrorRecord` values; the batch goes on.
"""
from __future__ import annotations

from .model import ErrorRecord

# code -> default hint
HINTS: dict[str, str] = {
    "E_NOT_FOUND": "check the path; folders are read recursively for .txt, .html, .htm, .jsonl",
    "E_UNREADABLE": "check the file's permissions",
    "E_EMPTY": "the file holds no text; remove it or give it content",
    "E_BINARY": "marsad reads UTF-8 text, HTML and JSON lines; convert the file to text first",
    "E_ENCODING": "save the file as UTF-8 (e.g. iconv -f WINDOWS-1256 -t UTF-8)",
    "E_JSONL": "each line must be one JSON object with a string 'text' key",
    "E_UNSUPPORTED": "use .txt, .html/.htm or .jsonl files (or a folder of them)",
    "E_DATE": "give the date as YYYY-MM-DD",
    "E_STAGE": "this is a bug in a pipeline stage; the document was kept with the layers done so far",
    "E_PIPELINE": "check the stage names in the config (marsad.pipeline.STAGES lists them)",
    "E_CONFIG": "see `marsad config` for the default file and each option's type",
    "E_DB": "give --db a new file name, or an existing marsad database",
    "E_OUTPUT": "create the output folder first",
    "E_STORE": "the document was analysed but not stored; see the message",
    "E_FUSION": "documents were analysed and stored; stories were not built",
    "E_GOLD": "the gold file must follow marsad-gold/1 (docs/gold-format.md)",
    "E_GOLD_DOC": "check the document's path (relative to the gold file's folder's parent, "
                  "docs/gold-format.md); the other documents are still scored",
}


class MarsadError(Exception):
    """An error the user can act on: carries a code and a fix hint."""

    def __init__(self, code: str, message: str, hint: str | None = None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.hint = hint if hint is not None else HINTS.get(code)

    def __str__(self) -> str:  # one line, code first
        return f"error {self.code}: {self.message}" + (f" ({self.hint})" if self.hint else "")


class PipelineError(MarsadError):
    """A pipeline that cannot be built (unknown stage, missing requirement)."""

    def __init__(self, message: str):
        super().__init__("E_PIPELINE", message)


def error_record(code: str, message: str, path: str | None = None, line: int | None = None,
                 hint: str | None = None) -> ErrorRecord:
    """Build an :class:`ErrorRecord` with the default hint for its code."""
    return ErrorRecord(code=code, message=message, path=path, line=line,
                       hint=hint if hint is not None else HINTS.get(code))
