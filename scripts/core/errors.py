"""Named errors of the build: each names the file, the item, the field, the problem and the fix."""

from __future__ import annotations

from pathlib import Path


class BuildError(Exception):
    """A problem in the inputs that stops the build before anything is published."""

    def __init__(self, file: object, item: str, field: str, problem: str, fix: str):
        self.file, self.item, self.field, self.problem, self.fix = display_path(file), item, field, problem, fix
        super().__init__(f"{self.file}: {item}: {field}: {problem} Fix: {fix}")


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
    """A source folder or file that is a link out of the repository, or a name that could climb out of sources/."""


class BuildLocked(BuildError):
    """Another build is publishing into the same repository."""


class UnreviewedDraft(BuildError):
    """Machine-drafted annotations that no person has reviewed (refused unless the build allows drafts)."""


class ValidationFailed(BuildError):
    """The written package failed validation; nothing was published."""


def display_path(file: object) -> str:
    """A path relative to the working directory when it lies below it, else as given."""
    try:
        return Path(file).resolve().relative_to(Path.cwd()).as_posix()
    except (ValueError, TypeError, OSError):
        return str(file)
