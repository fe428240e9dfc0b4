// Export: the actors and places a selection names (graph id, name or any alias; case-insensitive).
// params: $actors [str], $places [str]
// columns: key (export node id)
MATCH (a:Actor)
WHERE a.id IN $actors
   OR any(wanted IN $actors WHERE toLower(wanted) IN [form IN [a.name] + coalesce(a.aliases, []) | toLower(form)])
RETURN 'actor/' + a.id AS key
UNION
MATCH (p:Place)
WHERE p.id IN $places
   OR any(wanted IN $places WHERE toLower(wanted) IN [form IN [p.name] + coalesce(p.aliases, []) | toLower(form)])
RETURN 'place/' + p.id AS key
