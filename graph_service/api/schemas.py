"""Response and request models of the HTTP API (their own models: records and rows never leak out as-is)."""

from __future__ import annotations

from typing import Annotated, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")

NodeLabel = Literal["Actor", "Place", "Event", "Article"]


def _examples(*examples: dict) -> ConfigDict:
    """Model config that shows `examples` in the OpenAPI docs."""
    return ConfigDict(json_schema_extra={"examples": list(examples)})


class ErrorBody(BaseModel):
    """Every error answer: the HTTP status, a message for humans, and per-field problems for 422."""

    model_config = _examples({"status": 404, "message": "no actor with id 'country:XYZ'", "errors": []})

    status: int
    message: str
    errors: list[dict[str, str | int | list[str | int]]] = Field(default_factory=list)


class Page(BaseModel, Generic[T]):
    """One page of results; `next_offset` is set when the page was full (there may be more)."""

    items: list[T]
    limit: int
    offset: int
    next_offset: int | None = None


# ----------------------------------------------------------------------------------- health and stats


class Neo4jInfo(BaseModel):
    """The Neo4j server the API reads from."""

    name: str
    version: str
    edition: str


class Health(BaseModel):
    """Liveness and the database behind it."""

    model_config = _examples(
        {"status": "ok", "neo4j": {"name": "Neo4j Kernel", "version": "5.26.0", "edition": "community"}}
    )

    status: Literal["ok"]
    neo4j: Neo4jInfo


class Stats(BaseModel):
    """What the graph holds."""

    model_config = _examples(
        {
            "articles": 12,
            "actors": 40,
            "places": 31,
            "events": 77,
            "relationships": 612,
            "event_types": {"strike": 30, "casualty": 12, "denial": 5},
        }
    )

    articles: int
    actors: int
    places: int
    events: int
    relationships: int
    event_types: dict[str, int]


# ----------------------------------------------------------------------------------- shared pieces


class NodeRef(BaseModel):
    """An actor or place named in a result."""

    id: str
    name: str | None = None


class TargetRef(NodeRef):
    """What an event targeted: an actor or a place."""

    label: Literal["Actor", "Place"]


class Sentence(BaseModel):
    """A sentence of an article that states a fact."""

    article: str
    sentence: str | None = None


class Denial(BaseModel):
    """A denial of an event: who denies it and in which sentences."""

    id: str
    date: str | None = None
    by: list[NodeRef]
    sentences: list[Sentence]


# ----------------------------------------------------------------------------------- articles


class ArticleIn(BaseModel):
    """An article to ingest, as `ckg ingest` reads JSON records; the id is derived from the text."""

    model_config = ConfigDict(
        extra="ignore",
        json_schema_extra={
            "examples": [
                {
                    "text": "Eastmark's forces shelled the town of Brookfield, killing 3 civilians.",
                    "title": "Shelling in Brookfield",
                    "source": "Example Wire",
                    "url": "https://example.org/news/1",
                    "published": "2024-05-07",
                }
            ]
        },
    )

    text: str = Field(min_length=1, max_length=2_000_000)
    title: str | None = Field(default=None, max_length=1000)
    source: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=4000)
    published: str | None = Field(default=None, max_length=100, description="a date, e.g. 2024-05-07")


MAX_ARTICLES = 200

# One article object, or a list of them.
ArticlesIn = ArticleIn | Annotated[list[ArticleIn], Field(min_length=1, max_length=MAX_ARTICLES)]


class IngestedArticle(BaseModel):
    """What happened to one submitted article (`index` is its position in the request)."""

    index: int
    id: str | None
    status: Literal["new", "skipped", "failed"]
    reason: str | None = None


class IngestResult(BaseModel):
    """Totals and per-article outcome of a POST /articles."""

    model_config = _examples(
        {
            "new": 1,
            "skipped": 0,
            "failed": 0,
            "events": 2,
            "articles": [{"index": 0, "id": "a_3f2c9d0e1b7a6c54", "status": "new", "reason": None}],
        }
    )

    new: int
    skipped: int
    failed: int
    events: int
    articles: list[IngestedArticle]


class Mention(BaseModel):
    """An actor or place an article mentions, with the surface forms it used."""

    id: str
    name: str | None = None
    kind: str | None = None
    aliases: list[str] = Field(default_factory=list)


class ArticleEvent(BaseModel):
    """An event an article reports, with its sentence and offsets in the article text."""

    id: str
    type: str
    date: str | None = None
    sentence: str | None = None
    start: int | None = None
    end: int | None = None
    killed: int | None = None
    injured: int | None = None


class ArticleDetail(BaseModel):
    """An article with what was extracted from it."""

    model_config = _examples(
        {
            "id": "a_3f2c9d0e1b7a6c54",
            "title": "Shelling in Brookfield",
            "source": "Example Wire",
            "url": None,
            "published": "2024-05-07",
            "origin": "request[0]",
            "ingested_at": "2024-05-07T10:00:00Z",
            "text": "Eastmark's forces shelled the town of Brookfield, killing 3 civilians.",
            "actors": [
                {
                    "id": "actor:armed_group:eastmark forces",
                    "name": "Eastmark forces",
                    "kind": "armed_group",
                    "aliases": ["Eastmark's forces"],
                }
            ],
            "places": [{"id": "place:city::brookfield", "name": "Brookfield", "kind": "city", "aliases": []}],
            "events": [
                {
                    "id": "ev-1",
                    "type": "strike",
                    "date": "2024-05-06",
                    "sentence": "...",
                    "start": 0,
                    "end": 80,
                    "killed": None,
                    "injured": None,
                }
            ],
        }
    )

    id: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    origin: str | None = None
    ingested_at: str | None = None
    text: str | None = None
    actors: list[Mention]
    places: list[Mention]
    events: list[ArticleEvent]


# ----------------------------------------------------------------------------------- actors


class ActorSummary(BaseModel):
    """An actor and how many events it takes part in (as agent, target or claimant)."""

    model_config = _examples(
        {
            "id": "country:AZE",
            "name": "Azerbaijan",
            "kind": "country",
            "country": "AZE",
            "title": None,
            "aliases": ["Azerbaijan", "Azeri", "Baku"],
            "events": 14,
        }
    )

    id: str
    name: str | None = None
    kind: str | None = None
    country: str | None = None
    title: str | None = None
    aliases: list[str] = Field(default_factory=list)
    events: int


class AliasSource(BaseModel):
    """A surface form of an actor and the articles that used it (at most 20)."""

    alias: str
    articles: list[str]


class ActorDetail(ActorSummary):
    """An actor with its role counts and aliases per article."""

    events_as_agent: int
    events_as_target: int
    claims: int
    articles: int
    alias_sources: list[AliasSource]


class LinkEvidence(BaseModel):
    """A sample event behind a link, with one sentence reporting it."""

    event: str
    date: str | None = None
    article: str
    sentence: str | None = None


class RelationLink(BaseModel):
    """One kind of link between two actors, read from the asking actor's side."""

    relation: str = Field(description="e.g. 'struck', 'was struck by', 'denied claims of', 'is allied with'")
    kind: str = Field(description="event type, 'denial', or relationship type (LEADS, ALLIED_WITH ...)")
    direction: Literal["out", "in"]
    count: int = Field(description="events behind the link, or articles stating a relationship")
    first: str | None = None
    last: str | None = None
    evidence: list[LinkEvidence]
    articles: list[str] = Field(default_factory=list)


class ActorRelation(BaseModel):
    """How the asking actor is linked to one other actor."""

    model_config = _examples(
        {
            "id": "country:ARM",
            "name": "Armenia",
            "kind": "country",
            "total": 3,
            "links": [
                {
                    "relation": "was struck by",
                    "kind": "strike",
                    "direction": "in",
                    "count": 2,
                    "first": "2020-10-04",
                    "last": "2020-10-05",
                    "evidence": [
                        {
                            "event": "ev-1",
                            "date": "2020-10-04",
                            "article": "a_1",
                            "sentence": "Rockets hit Ganja.",
                        }
                    ],
                    "articles": [],
                }
            ],
        }
    )

    id: str
    name: str | None = None
    kind: str | None = None
    total: int
    links: list[RelationLink]


# ----------------------------------------------------------------------------------- places


class PlaceSummary(BaseModel):
    """A place, its coordinates, its event count and (for a `near` search) its distance."""

    model_config = _examples(
        {
            "id": "geonames:587084",
            "name": "Ganja",
            "kind": "city",
            "country": "AZE",
            "lat": 40.68,
            "lon": 46.36,
            "events": 6,
            "distance_km": 12.5,
        }
    )

    id: str
    name: str | None = None
    kind: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    events: int
    distance_km: float | None = None


class PlaceRef(NodeRef):
    """A containing place."""

    kind: str | None = None


class PlaceDetail(BaseModel):
    """A place with its aliases and the places it lies in; `events` counts its sub-places' events too."""

    id: str
    name: str | None = None
    kind: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    aliases: list[str]
    within: list[PlaceRef]
    events: int


# ----------------------------------------------------------------------------------- events


class EventSummary(BaseModel):
    """An event with who did it, to what, where, who claims it, and whether anyone denies it."""

    model_config = _examples(
        {
            "id": "ev-1",
            "type": "strike",
            "date": "2020-10-04",
            "weapon": "rockets",
            "killed": None,
            "injured": None,
            "agents": [{"id": "actor:armed_group:armenian forces", "name": "Armenian forces"}],
            "targets": [{"id": "geonames:587084", "name": "Ganja", "label": "Place"}],
            "places": [{"id": "geonames:587084", "name": "Ganja"}],
            "claimed_by": [{"id": "country:AZE", "name": "Azerbaijan"}],
            "disputed": True,
            "reports": 2,
        }
    )

    id: str
    type: str
    date: str | None = None
    weapon: str | None = None
    killed: int | None = Field(default=None, description="only on single-source events; see evidence")
    injured: int | None = None
    agents: list[NodeRef]
    targets: list[TargetRef]
    places: list[NodeRef]
    claimed_by: list[NodeRef]
    disputed: bool
    reports: int


class Report(BaseModel):
    """One sentence reporting the event, with its article and that source's own figures."""

    article: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    sentence: str | None = None
    start: int | None = None
    end: int | None = None
    claimed_by: list[str] = Field(default_factory=list)
    killed: int | None = None
    injured: int | None = None


class ArticleRef(BaseModel):
    """An article reporting the event."""

    id: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None


class CasualtyClaim(BaseModel):
    """One source's casualty figures caused by the event (never merged or averaged)."""

    id: str
    date: str | None = None
    killed: int | None = None
    injured: int | None = None
    count_qualifier: str | None = None
    victims: str | None = None
    claimed_by: list[NodeRef]
    sentences: list[Sentence]


class EventLink(BaseModel):
    """Another event this one denies, is about or was caused by ('out'), or that points at it ('in')."""

    id: str
    type: str | None = None
    date: str | None = None
    relation: Literal["DENIES", "ABOUT", "CAUSED_BY"]
    direction: Literal["out", "in"]


class EventDetail(EventSummary):
    """An event with its evidence, reporting articles, denials, casualty claims and linked events."""

    count_qualifier: str | None = None
    victims: str | None = None
    evidence: list[Report]
    articles: list[ArticleRef]
    denials: list[Denial]
    casualties: list[CasualtyClaim]
    links: list[EventLink]


class DisputedClaim(BaseModel):
    """An event some actor denies: who did it, who claims it, who denies it, and the sentences."""

    model_config = _examples(
        {
            "id": "ev-1",
            "type": "strike",
            "date": "2020-10-04",
            "agents": [{"id": "actor:armed_group:armenian forces", "name": "Armenian forces"}],
            "claimed_by": [{"id": "country:AZE", "name": "Azerbaijan"}],
            "claims": [
                {"article": "a_1", "sentence": "Azerbaijan said Armenian forces fired rockets at Ganja."}
            ],
            "denials": [
                {
                    "id": "ev-2",
                    "date": "2020-10-04",
                    "by": [{"id": "country:ARM", "name": "Armenia"}],
                    "sentences": [{"article": "a_1", "sentence": "Armenia denied firing at Ganja."}],
                }
            ],
        }
    )

    id: str
    type: str
    date: str | None = None
    agents: list[NodeRef]
    claimed_by: list[NodeRef]
    claims: list[Sentence]
    denials: list[Denial]


# ----------------------------------------------------------------------------------- timeline


class TimelinePoint(BaseModel):
    """Events and casualty claims in one day or week (figures per source, never summed)."""

    period: str = Field(description="the day, or the Monday starting the week")
    events: int
    strikes: int
    casualty_reports: int
    killed_per_source: list[int]
    injured_per_source: list[int]


class Timeline(BaseModel):
    """Counts and casualties over time for an actor or a place."""

    model_config = _examples(
        {
            "subject": {"id": "geonames:587084", "label": "Place"},
            "granularity": "day",
            "points": [
                {
                    "period": "2020-10-04",
                    "events": 3,
                    "strikes": 2,
                    "casualty_reports": 1,
                    "killed_per_source": [1],
                    "injured_per_source": [4],
                }
            ],
        }
    )

    subject: dict[str, str]
    granularity: Literal["day", "week"]
    points: list[TimelinePoint]


# ----------------------------------------------------------------------------------- graph


class GraphNode(BaseModel):
    """A node of a path or neighbourhood (actor, place or event)."""

    id: str
    label: NodeLabel | None = None
    name: str | None = None
    kind: str | None = None
    date: str | None = None


class GraphEdge(BaseModel):
    """A directed link between two nodes, by id."""

    source: str
    target: str
    type: str


class GraphPath(BaseModel):
    """One shortest connection: its nodes in order and the links between them."""

    length: int
    nodes: list[GraphNode]
    edges: list[GraphEdge]


class Paths(BaseModel):
    """The shortest connections between two actors or places (empty when none within `max_hops`)."""

    model_config = _examples(
        {
            "source": "country:TUR",
            "target": "actor:armed_group:nagorno karabakh forces",
            "max_hops": 4,
            "paths": [
                {
                    "length": 2,
                    "nodes": [
                        {"id": "country:TUR", "label": "Actor", "name": "Turkey", "kind": "country"},
                        {"id": "ev-7", "label": "Event", "name": "accusation", "kind": "accusation"},
                        {"id": "actor:armed_group:nagorno karabakh forces", "label": "Actor"},
                    ],
                    "edges": [
                        {"source": "country:TUR", "target": "ev-7", "type": "AGENT_OF"},
                        {
                            "source": "ev-7",
                            "target": "actor:armed_group:nagorno karabakh forces",
                            "type": "TARGETS",
                        },
                    ],
                }
            ],
        }
    )

    source: str
    target: str
    max_hops: int
    paths: list[GraphPath]


class Neighborhood(BaseModel):
    """The subgraph around a node as nodes and edges; `truncated` when `limit` cut it short."""

    model_config = _examples(
        {
            "center": "country:AZE",
            "hops": 1,
            "nodes": [
                {"id": "country:AZE", "label": "Actor", "name": "Azerbaijan", "kind": "country"},
                {"id": "ev-1", "label": "Event", "name": "strike", "kind": "strike", "date": "2020-10-04"},
            ],
            "edges": [{"source": "country:AZE", "target": "ev-1", "type": "CLAIMS"}],
            "truncated": False,
        }
    )

    center: str
    hops: int
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    truncated: bool
