// One actor with its role counts and the surface forms articles used for it (GET /actors/{id}).
// params: $id. columns: id, name, kind, country, title, aliases, events, events_as_agent, events_as_target,
// claims, articles, alias_sources [{alias, articles}]
MATCH (a:Actor {id: $id})
CALL (a) {
  OPTIONAL MATCH (a)-[m:MENTIONED_IN]->(art:Article)
  UNWIND coalesce(m.aliases, []) AS alias
  WITH alias, collect(art.id) AS articles
  ORDER BY size(articles) DESC, alias
  RETURN collect({alias: alias, articles: articles[..20]}) AS alias_sources
}
RETURN a.id AS id, a.name AS name, a.kind AS kind, a.country AS country, a.title AS title,
       coalesce(a.aliases, []) AS aliases,
       COUNT { (a)-[:AGENT_OF|CLAIMS|TARGETS]-(:Event) } AS events,
       COUNT { (a)-[:AGENT_OF]->(:Event) } AS events_as_agent,
       COUNT { (a)<-[:TARGETS]-(:Event) } AS events_as_target,
       COUNT { (a)-[:CLAIMS]->(:Event) } AS claims,
       COUNT { (a)-[:MENTIONED_IN]->(:Article) } AS articles,
       alias_sources
