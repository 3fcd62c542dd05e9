"""The optional mapping file (JSON, or TOML by its .toml name): which WordPress
category becomes which portal category, theme or tag, and what the export does not
hold about authors (their bio, whether they are guests).

    default_category = "blog"
    [categories]
    open-data = { theme = "open-data" }
    nieuws = { category = "actueel" }
    gastblogs = { category = "gastblog" }
    diversen = "skip"
    [authors.jdevries]
    guest = true
    bio = "Jan schrijft over open data."

A WordPress category without an entry becomes the portal category or theme with the
same slug if there is one, and a tag otherwise; WordPress tags become tags.
"""

import hashlib
import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path


class MappingError(ValueError):
    pass


@dataclass
class Mapping:
    categories: dict = field(default_factory=dict)
    authors: dict = field(default_factory=dict)
    default_category: str = "blog"
    digest: str = ""

    def for_category(self, slug: str):
        """("category" | "theme" | "tag" | "skip", slug or None) for a WordPress
        category; None when the file says nothing about it."""
        entry = self.categories.get(slug)
        if entry is None:
            return None
        if entry == "skip":
            return ("skip", None)
        if isinstance(entry, dict) and len(entry) == 1:
            ((kind, value),) = entry.items()
            if kind in ("category", "theme", "tag") and isinstance(value, str):
                return (kind, value)
        raise MappingError(f'categories.{slug}: use {{category|theme|tag = "slug"}} or "skip"')


def load(path: str | Path | None) -> Mapping:
    if not path:
        return Mapping()
    raw = Path(path).read_bytes()
    try:
        data = tomllib.loads(raw.decode()) if str(path).endswith(".toml") else json.loads(raw)
    except (ValueError, UnicodeDecodeError) as error:
        raise MappingError(f"cannot read the mapping file: {error}") from None
    if not isinstance(data, dict):
        raise MappingError("the mapping file must hold a table/object")
    mapping = Mapping(
        categories=dict(data.get("categories", {})),
        authors=dict(data.get("authors", {})),
        default_category=str(data.get("default_category", "blog")),
        digest=hashlib.sha256(raw).hexdigest(),
    )
    for slug in mapping.categories:
        mapping.for_category(slug)  # fail early on a wrong entry
    return mapping
