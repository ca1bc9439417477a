// Everything within three hops of a dossier, ignoring direction, and how far it is.
MATCH (dossier:Dossier {id: 'dossier-32317'}), (x)
WHERE x <> dossier
MATCH p = shortestPath((dossier)-[*..3]-(x))
RETURN x.id, labels(x) AS labels, length(p) AS hops
ORDER BY hops, x.id
