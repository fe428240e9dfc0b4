// Indexes of the graph model beyond the merge-key constraints (docs/graph-model.md).
CREATE POINT INDEX place_location IF NOT EXISTS FOR (n:Place) ON (n.location);
CREATE INDEX place_geonames_id IF NOT EXISTS FOR (n:Place) ON (n.geonames_id);
CREATE INDEX article_published IF NOT EXISTS FOR (n:Article) ON (n.published);
CREATE INDEX actor_kind IF NOT EXISTS FOR (n:Actor) ON (n.kind);
