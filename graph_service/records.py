"""The pydantic records shared by loaders, writer, queries and export.

They mirror ../shared/spec/extraction.schema.json (schema_version "1"): one `Extraction` per article.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

ActorKind = Literal["country", "armed_group", "government_body", "organization", "person", "other"]
PlaceKind = Literal["country", "region", "city", "site", "other"]
EventType = Literal[
    "strike", "casualty", "denial", "accusation", "capture", "demand", "ceasefire_call", "threat"
]
CountQualifier = Literal["exact", "at_least", "more_than", "about", "up_to"]
Victims = Literal["civilian", "military", "mixed", "unknown"]
RelationType = Literal[
    "leads", "member_of", "part_of", "spokesperson_for", "allied_with", "supports", "located_in"
]

EVENT_TYPES: tuple[str, ...] = EventType.__args__  # type: ignore[attr-defined]
RELATION_TYPES: tuple[str, ...] = RelationType.__args__  # type: ignore[attr-defined]


class Record(BaseModel):
    """Base for all records: unknown fields are errors, so typos never pass silently."""

    model_config = ConfigDict(extra="forbid")


class ArticleMeta(Record):
    """Identity and metadata of one article."""

    id: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}")


class Actor(Record):
    """A country, armed group, government body, organisation or person, with every surface form seen."""

    id: str
    name: str
    kind: ActorKind
    country: str | None = None
    aliases: list[str] = Field(default_factory=list)
    title: str | None = None


class Place(Record):
    """A geocoded place."""

    id: str
    name: str
    kind: PlaceKind
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    aliases: list[str] = Field(default_factory=list)


class Evidence(Record):
    """The sentence a fact comes from and its character offsets in the article text."""

    sentence: str
    start: int
    end: int


class Event(Record):
    """One conflict event with its arguments, claimants, links and evidence."""

    id: str
    type: EventType
    date: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}")
    agents: list[str] = Field(default_factory=list)
    targets: list[str] = Field(default_factory=list)
    locations: list[str] = Field(default_factory=list)
    claimed_by: list[str] = Field(default_factory=list)
    weapon: str | None = None
    killed: int | None = Field(default=None, ge=0)
    injured: int | None = Field(default=None, ge=0)
    count_qualifier: CountQualifier | None = None
    victims: Victims | None = None
    cause: str | None = None
    denies: list[str] = Field(default_factory=list)
    about: list[str] = Field(default_factory=list)
    evidence: Evidence


class Relation(Record):
    """A typed link between two actors (or a place and its container)."""

    type: RelationType
    source: str
    target: str


class Extraction(Record):
    """Everything extracted from one article: the `ckg extract` output object."""

    schema_version: Literal["1"] = "1"
    article: ArticleMeta
    actors: list[Actor] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
