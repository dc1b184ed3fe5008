"""Named errors of the build: each names the file, the item, the field, the problem and the fix."""

from __future__ import annotations

import re
from pathlib import Path


class BuildError(Exception):
    """A problem in the inputs that stops the build before anything is published."""

    def __init__(self, file: object, item: str, field: str, problem: str, fix: str):
        self.file, self.item, self.field = one_line(display_path(file)), one_line(str(item)), one_line(str(field))
        self.problem, self.fix = one_line(problem), one_line(fix)
        super().__init__(f"{self.file}: {self.item}: {self.field}: {self.problem} Fix: {self.fix}")

    def __reduce__(self):
        """Errors cross process boundaries (parallel staging) with their five parts."""
        return type(self), (self.file, self.item, self.field, self.problem, self.fix)


class AnnotationFormatError(BuildError):
    """A YAML file that does not parse, or does not follow its schema in schemas/input/."""


class ArticleChanged(BuildError):
    """The article's bytes differ from the SHA-256 recorded in its metadata."""


class EvidenceNotFound(BuildError):
    """Cited text that is not in the article."""


class EvidenceAmbiguous(BuildError):
    """Cited text that occurs more than once, with no `occurrence` to say which."""


class UnknownActor(BuildError):
    """A reference to an actor id that sources/actors.yaml does not define."""


class UnknownEvent(BuildError):
    """A reference to an event id that no article's annotations define."""


class UnknownCode(BuildError):
    """A code outside its vocabulary (CAMEO, PLOVER, ISO 3166-1, vote values)."""


class UnknownReference(BuildError):
    """A reference to a row that the reference files (sources/reference/) do not hold: a key date, a resolution, an
    entity."""


class InvalidDate(BuildError):
    """A date that does not exist, or contradicts the article or the status of its item."""


class DuplicateEvidence(BuildError):
    """Two reports of one article citing the same words."""


class InvalidLink(BuildError):
    """A `same_as` link that joins what cannot be one happening or one quotation as it stands (dates that differ
    without a stated reason, a link to a report instead of its event, quotations with different words)."""


class DuplicateId(BuildError):
    """Two items with the same id."""


class ReferenceMismatch(BuildError):
    """Reference data that contradicts itself or the official totals."""


class IncompleteCoverage(BuildError):
    """Sentences of the article that yield no row and have no note saying why."""


class ArticleFormatError(BuildError):
    """An article file that is not plain UTF-8 text with LF line endings, or is empty or too large."""


class UnsafePath(BuildError):
    """A source folder or file that is a link out of the repository, a name that could climb out of sources/, an
    input that is not a regular file (a folder, a FIFO, a device); or a symbolic link where the build keeps its lock,
    journal, staging or previous copy (.build.lock, .publish-journal, .build-staging, .publish-previous), which it
    never follows."""


class ReferenceFormatError(BuildError):
    """A reference or vocabulary CSV (sources/reference/, sources/vocabularies/) that is not UTF-8 text, or does not
    follow its schema in schemas/input/csv/ (columns, required cells, types, bounds)."""


class UnpublishableText(BuildError):
    """Text that a published file cannot hold as it is: longer than a spreadsheet cell (32,767 characters), or with
    control characters or lone surrogates."""


class BuildLocked(BuildError):
    """Another build is publishing into the same repository."""


class UnreviewedDraft(BuildError):
    """Machine-drafted annotations that no person has reviewed (refused unless the build allows drafts)."""


class CodeMismatch(BuildError):
    """A code that contradicts the package's coding conventions: a PLOVER type other than the one the CAMEO->PLOVER
    mapping gives, without a stated exception; a planned event coded as the happening instead of an intent (03x)."""


class MentionKindMismatch(BuildError):
    """A mention linked to the wrong kind of actor: an ethnonym or a language linked to a state, or a state's
    adjective used for a people ("the Russian minority") or a language ("Russian speakers")."""


class MissingMention(BuildError):
    """An occurrence of an actor's registered adjective (sources/actors.yaml `adjectives`) that no mention accounts
    for."""


class UncheckedStatement(BuildError):
    """A checkable statement of an article (a number, a date, a title, a relation, a vote, a person's name) that is
    neither a claim nor listed under `unchecked` with the reason it is not checked."""


class ValidationFailed(BuildError):
    """The written package failed validation; nothing was published."""


class MissingMarker(BuildError):
    """README.md lacks a marker of the block the build generates (the data dictionary); nothing was published."""


class NotSameFilesystem(BuildError):
    """The staging folder is not on the filesystem of data/, so the swap could not be a rename; nothing moved."""


class NoSpace(BuildError):
    """Too little free space on the repository's filesystem to stage or swap the package."""


class NotWritable(BuildError):
    """A folder the publish writes (the repository root, data/, the staging folder) is read-only or not permitted."""


class PublishFailed(BuildError):
    """The operating system refused a step of the publish for another reason (a file in use, an I/O error)."""


def one_line(text: str) -> str:
    """Text for a one-line message: control characters, line and paragraph separators and lone surrogates written
    as escapes (a new line in a folder's name, an ESC in a value), so that no message spans two lines or drives the
    terminal."""
    if not UNPRINTED.search(text):
        return text
    return UNPRINTED.sub(lambda found: found.group().encode("unicode_escape").decode("ascii"), text)


UNPRINTED = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def display_path(file: object) -> str:
    """A path relative to the working directory when it lies below it, else as given."""
    try:
        return Path(file).resolve().relative_to(Path.cwd()).as_posix()
    except (ValueError, TypeError, OSError):
        return str(file)
