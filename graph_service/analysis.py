"""Offline analysis of an export (no Neo4j): actor interactions, centrality, blocs, disputes, daily series.

Reads the graph `graph_service.export` writes. Interaction rules (who acts on whom):

* strike, threat: each agent -> each actor it targets, and -> the country actor of each place it hit or
  happened at (a strike on a place counts against the country the place is in);
* accusation: each accuser -> each actor it targets and the agents of the events it is about;
* denial: each denier -> the claimants of the denied event (and the accusers, when it denies an accusation);
* alliance: `ALLIED_WITH` and `SUPPORTS` between actors.

Casualty figures are claims: per incident (a strike and the casualty reports caused by it) the highest claim
counts, so two sources reporting the same dead are never added up.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from graph_service.export import export_id

RELATIONS = ("strike", "threat", "accusation", "denial", "alliance")
HOSTILE = ("strike", "threat", "accusation", "denial")
_ALLIANCE_EDGES = frozenset({"ALLIED_WITH", "SUPPORTS"})
# Links that put actors on the same side when looking for blocs.
_AFFILIATION_EDGES = _ALLIANCE_EDGES | {"SPOKESPERSON_FOR", "MEMBER_OF", "PART_OF", "LEADS"}


@dataclass(frozen=True)
class ActorScore:
    """Centrality of one actor in the interaction network."""

    actor: str
    id: str
    degree: float
    betweenness: float
    pagerank: float
    interactions: dict[str, int]


@dataclass(frozen=True)
class Dispute:
    """One claim and one actor denying it."""

    event: str
    type: str
    date: str | None
    claimant: str | None
    denier: str


@dataclass(frozen=True)
class Day:
    """Escalation on one day: strikes, casualty figures (highest claim per incident), all events."""

    day: str
    strikes: int
    killed: int
    injured: int
    casualty_reports: int
    events: int


@dataclass
class Report:
    """Everything `ckg analyze` prints."""

    nodes: int
    edges: int
    actors: list[ActorScore] = field(default_factory=list)
    communities: list[list[str]] = field(default_factory=list)
    disputes: list[Dispute] = field(default_factory=list)
    daily: list[Day] = field(default_factory=list)
    undated_events: int = 0

    def to_dict(self) -> dict[str, Any]:
        """The report as plain JSON-ready data."""
        return asdict(self)


# ------------------------------------------------------------------------------------------ graph helpers


def _kind(graph: nx.MultiDiGraph, node: str) -> str | None:
    return graph.nodes[node].get("kind")


def _label(graph: nx.MultiDiGraph, node: str) -> str:
    return str(graph.nodes[node].get("label", node))


def linked(graph: nx.MultiDiGraph, node: str, relation: str, *, incoming: bool = False) -> list[str]:
    """The nodes at the other end of `relation` edges leaving `node` (or arriving at it)."""
    edges = graph.in_edges(node, keys=True) if incoming else graph.out_edges(node, keys=True)
    return sorted({(u if incoming else v) for u, v, key in edges if key == relation})


def _actors(graph: nx.MultiDiGraph, nodes: Iterable[str]) -> list[str]:
    return [n for n in nodes if _kind(graph, n) == "actor"]


def _country_actor(graph: nx.MultiDiGraph, place: str) -> str | None:
    country = graph.nodes[place].get("country")
    key = export_id("actor", f"country:{country}")
    return key if country and key in graph else None


def events(graph: nx.MultiDiGraph, event_type: str | None = None) -> list[str]:
    """Event nodes, optionally of one type, in id order."""
    return sorted(
        n
        for n, data in graph.nodes(data=True)
        if data.get("kind") == "event" and (event_type is None or data.get("type") == event_type)
    )


def _targets(graph: nx.MultiDiGraph, event: str, *, with_places: bool) -> list[str]:
    found = set(_actors(graph, linked(graph, event, "TARGETS")))
    if with_places:
        for relation in ("TARGETS", "AT"):
            for place in linked(graph, event, relation):
                if _kind(graph, place) == "place" and (country := _country_actor(graph, place)):
                    found.add(country)
    return sorted(found)


def interactions(graph: nx.MultiDiGraph) -> list[tuple[str, str, str, str]]:
    """Every (source actor, target actor, relation, evidence id) the interaction rules find."""
    found: list[tuple[str, str, str, str]] = []
    for event in events(graph):
        kind = graph.nodes[event].get("type")
        agents = _actors(graph, linked(graph, event, "AGENT_OF", incoming=True))
        if kind in ("strike", "threat"):
            others = _targets(graph, event, with_places=True)
        elif kind == "accusation":
            about = [
                a for e in linked(graph, event, "ABOUT") for a in linked(graph, e, "AGENT_OF", incoming=True)
            ]
            others = sorted({*_targets(graph, event, with_places=False), *_actors(graph, about)})
        elif kind == "denial":
            others = sorted(
                {a for denied in linked(graph, event, "DENIES") for a in _disputed_by(graph, denied)}
            )
        else:
            continue
        found.extend((agent, other, kind, event) for agent in agents for other in others if agent != other)
    for u, v, key in graph.edges(keys=True):
        if key in _ALLIANCE_EDGES and _kind(graph, u) == _kind(graph, v) == "actor":
            found.append((u, v, "alliance", f"{u}|{key}|{v}"))
    return found


def _disputed_by(graph: nx.MultiDiGraph, denied: str) -> list[str]:
    """Who a denial of `denied` contradicts: its claimants, and its authors when it is an accusation."""
    parties = linked(graph, denied, "CLAIMS", incoming=True)
    if graph.nodes[denied].get("type") == "accusation":
        parties += linked(graph, denied, "AGENT_OF", incoming=True)
    return _actors(graph, parties)


def interaction_network(graph: nx.MultiDiGraph) -> nx.DiGraph:
    """Actors linked by strikes, threats, accusations, denials and alliances; `weight` counts them all."""
    network = nx.DiGraph()
    for source, target, relation, _ in interactions(graph):
        for node in (source, target):
            network.add_node(node, label=_label(graph, node))
        data = network.get_edge_data(source, target) or {"weight": 0, **dict.fromkeys(RELATIONS, 0)}
        data["weight"] += 1
        data[relation] += 1
        network.add_edge(source, target, **data)
    return network


# ------------------------------------------------------------------------------------------ measures


def centrality(network: nx.DiGraph) -> list[ActorScore]:
    """Weighted degree, betweenness (distance 1/weight) and PageRank per actor, most central first."""
    if network.number_of_nodes() == 0:
        return []
    undirected = nx.Graph()
    for u, v, weight in network.edges(data="weight"):
        previous = undirected.get_edge_data(u, v, {"weight": 0})["weight"]
        undirected.add_edge(u, v, weight=previous + weight)
    undirected.add_nodes_from(network)
    for _, _, data in undirected.edges(data=True):
        data["distance"] = 1.0 / data["weight"]
    betweenness = nx.betweenness_centrality(undirected, weight="distance", normalized=True)
    pagerank = nx.pagerank(network, weight="weight")
    scores = []
    for node in network:
        counts: Counter[str] = Counter()
        for _, _, data in [*network.out_edges(node, data=True), *network.in_edges(node, data=True)]:
            counts.update({relation: data[relation] for relation in RELATIONS if data[relation]})
        scores.append(
            ActorScore(
                actor=network.nodes[node]["label"],
                id=node,
                degree=float(network.degree(node, weight="weight")),
                betweenness=round(betweenness[node], 4),
                pagerank=round(pagerank[node], 4),
                interactions=dict(sorted(counts.items())),
            )
        )
    return sorted(scores, key=lambda s: (-s.degree, -s.pagerank, s.actor))


def communities(graph: nx.MultiDiGraph) -> list[list[str]]:
    """Blocs of actors tied by alliances, support, membership or acting together (Louvain, seed 0)."""
    sides = nx.Graph()
    for u, v, key in graph.edges(keys=True):
        if key in _AFFILIATION_EDGES and _kind(graph, u) == _kind(graph, v) == "actor":
            sides.add_edge(u, v)
    for event in events(graph):
        agents = _actors(graph, linked(graph, event, "AGENT_OF", incoming=True))
        sides.add_edges_from((a, b) for i, a in enumerate(agents) for b in agents[i + 1 :])
    if sides.number_of_edges() == 0:
        return []
    found = nx.community.louvain_communities(sides, seed=0)
    blocs = [sorted(_label(graph, node) for node in bloc) for bloc in found if len(bloc) > 1]
    return sorted(blocs, key=lambda bloc: (-len(bloc), bloc))


def disputes(graph: nx.MultiDiGraph) -> list[Dispute]:
    """Every denied event with each of its claimants (None when nobody is named) and each denier."""
    found: set[Dispute] = set()
    for denial in events(graph, "denial"):
        deniers = _actors(graph, linked(graph, denial, "AGENT_OF", incoming=True)) or [denial]
        for denied in linked(graph, denial, "DENIES"):
            claimants: list[str | None] = [*_disputed_by(graph, denied)] or [None]
            data = graph.nodes[denied]
            for claimant in claimants:
                for denier in deniers:
                    if claimant == denier:
                        continue  # retracting one's own claim is not a dispute
                    found.add(
                        Dispute(
                            event=_label(graph, denied),
                            type=str(data.get("type")),
                            date=data.get("date"),
                            claimant=_label(graph, claimant) if claimant else None,
                            denier=_label(graph, denier),
                        )
                    )
    return sorted(found, key=lambda d: (d.date or "", d.event, d.claimant or "", d.denier))


def dispute_network(graph: nx.MultiDiGraph) -> nx.DiGraph:
    """Denier -> claimant, weighted by the number of disputed claims."""
    network = nx.DiGraph()
    for dispute in disputes(graph):
        if dispute.claimant:
            weight = network.get_edge_data(dispute.denier, dispute.claimant, {"weight": 0})["weight"]
            network.add_edge(dispute.denier, dispute.claimant, weight=weight + 1)
    return network


def _incident(graph: nx.MultiDiGraph, event: str) -> str:
    causes = [e for e in linked(graph, event, "CAUSED_BY") if graph.nodes[e].get("type") == "strike"]
    return causes[0] if causes else event


def daily_series(graph: nx.MultiDiGraph) -> tuple[list[Day], int]:
    """Per day: strikes, killed and injured (highest claim per incident), casualty reports, all events;
    and the number of undated events."""
    strikes: Counter[str] = Counter()
    reports: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    # incident -> (day, highest killed, highest injured)
    incidents: dict[str, tuple[str, int, int]] = {}
    undated = 0
    for event in events(graph):
        data = graph.nodes[event]
        day = data.get("date")
        if not day and data.get("type") == "casualty":
            day = graph.nodes[_incident(graph, event)].get("date")
        if not day:
            undated += 1
            continue
        totals[day] += 1
        if data.get("type") == "strike":
            strikes[day] += 1
        if data.get("type") == "casualty":
            reports[day] += 1
        if "killed" in data or "injured" in data:
            incident = _incident(graph, event)
            _, killed, injured = incidents.get(incident, (day, 0, 0))
            incidents[incident] = (
                incidents.get(incident, (day,))[0],
                max(killed, int(data.get("killed", 0))),
                max(injured, int(data.get("injured", 0))),
            )
    killed_by_day: dict[str, int] = defaultdict(int)
    injured_by_day: dict[str, int] = defaultdict(int)
    for day, killed, injured in incidents.values():
        killed_by_day[day] += killed
        injured_by_day[day] += injured
    days = [
        Day(day, strikes[day], killed_by_day[day], injured_by_day[day], reports[day], totals[day])
        for day in sorted(totals)
    ]
    return days, undated


def analyse(graph: nx.MultiDiGraph) -> Report:
    """Every measure of an exported graph."""
    days, undated = daily_series(graph)
    return Report(
        nodes=graph.number_of_nodes(),
        edges=graph.number_of_edges(),
        actors=centrality(interaction_network(graph)),
        communities=communities(graph),
        disputes=disputes(graph),
        daily=days,
        undated_events=undated,
    )


# ------------------------------------------------------------------------------------------ output


def _table(headers: list[str], rows: list[list[Any]]) -> list[str]:
    cells = [headers, *[["" if v is None else str(v) for v in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)) for row in cells]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return [line.rstrip() for line in lines]


def format_report(report: Report, *, top: int = 10) -> str:
    """The report as text tables."""
    lines = [f"graph: {report.nodes} nodes, {report.edges} edges", ""]
    lines.append(
        f"most central actors (top {top} of {len(report.actors)}; interactions: {', '.join(RELATIONS)})"
    )
    lines += _table(
        ["actor", "degree", "betweenness", "pagerank", "interactions"],
        [
            [
                s.actor,
                f"{s.degree:g}",
                f"{s.betweenness:.3f}",
                f"{s.pagerank:.3f}",
                ", ".join(f"{k} {v}" for k, v in s.interactions.items()),
            ]
            for s in report.actors[:top]
        ],
    )
    lines += ["", "blocs (alliances, support, membership, joint action)"]
    lines += [f"  {i}. {', '.join(bloc)}" for i, bloc in enumerate(report.communities, 1)] or ["  none"]
    lines += ["", f"disputed claims ({len(report.disputes)})"]
    lines += _table(
        ["date", "event", "claimant", "denier"],
        [[d.date, d.event, d.claimant or "(unnamed)", d.denier] for d in report.disputes],
    )
    lines += ["", "daily escalation (killed/injured: highest claim per incident)"]
    lines += _table(
        ["day", "strikes", "killed", "injured", "casualty reports", "events"],
        [[d.day, d.strikes, d.killed, d.injured, d.casualty_reports, d.events] for d in report.daily],
    )
    if report.undated_events:
        lines.append(f"({report.undated_events} undated events not in the series)")
    return "\n".join(lines)


def plot(graph: nx.MultiDiGraph, report: Report, out: Path) -> None:
    """Draw the actor interaction network and the daily series side by side into a PNG."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D
    from matplotlib.ticker import MaxNLocator

    network = interaction_network(graph)
    figure, (left, right) = plt.subplots(1, 2, figsize=(15, 6.5), width_ratios=[1.2, 1])
    left.set_title("Actor interactions (size: PageRank)")
    left.axis("off")
    if network.number_of_nodes():
        layout = nx.spring_layout(
            network, seed=0, weight="weight", k=1.5 / math.sqrt(network.number_of_nodes())
        )
        pagerank = {score.id: score.pagerank for score in report.actors}
        colours = {
            "strike": "#d62728",
            "threat": "#ff7f0e",
            "accusation": "#9467bd",
            "denial": "#7f7f7f",
            "alliance": "#2ca02c",
        }
        for relation, colour in colours.items():
            edges = [(u, v) for u, v, d in network.edges(data=True) if max(RELATIONS, key=d.get) == relation]
            widths = [1 + math.log2(network.edges[e]["weight"]) for e in edges]
            nx.draw_networkx_edges(
                network,
                layout,
                edgelist=edges,
                edge_color=colour,
                width=widths,
                ax=left,
                arrowsize=12,
                connectionstyle="arc3,rad=0.1",
            )
        nx.draw_networkx_nodes(
            network,
            layout,
            ax=left,
            node_color="#4c72b0",
            alpha=0.85,
            node_size=[300 + 6000 * pagerank.get(n, 0) for n in network],
        )
        nx.draw_networkx_labels(
            network, layout, labels=dict(network.nodes(data="label")), ax=left, font_size=8
        )
        # Arrow patches carry no legend entry; one line per relation stands in for them.
        handles = [Line2D([], [], color=colour, label=relation) for relation, colour in colours.items()]
        left.legend(handles=handles, loc="lower left", fontsize=8)
    right.set_title("Daily escalation")
    days = [d.day for d in report.daily]
    right.bar(days, [d.strikes for d in report.daily], color="#d62728", alpha=0.7, label="strikes")
    right.set_ylabel("strikes")
    right.yaxis.set_major_locator(MaxNLocator(integer=True))
    killed_axis = right.twinx()
    killed_axis.plot(days, [d.killed for d in report.daily], color="black", marker="o", label="killed")
    killed_axis.set_ylabel("killed (highest claim per incident)")
    killed_axis.set_ylim(bottom=0)
    right.tick_params(axis="x", rotation=60, labelsize=7)
    right.legend(loc="upper left", fontsize=8)
    killed_axis.legend(loc="upper right", fontsize=8)
    figure.tight_layout()
    figure.savefig(out, dpi=110)
    plt.close(figure)
