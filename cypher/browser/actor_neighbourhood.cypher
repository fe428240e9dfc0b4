// An actor's neighbourhood: everything within two relationships, not through articles.
// Set the parameter first, e.g. `:param actor => 'Russia'`.
MATCH (a:Actor)
WHERE a.name = $actor OR $actor IN a.aliases
MATCH p = (a)-[*1..2]-(n)
WHERE none(x IN nodes(p) WHERE x:Article)
RETURN p
LIMIT 300
