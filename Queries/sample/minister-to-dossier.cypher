// How is a minister connected to a dossier? The path, hop by hop.
MATCH p = shortestPath((:Minister {name: 'D.M. van Weel'})-[*]-(:Dossier {id: 'dossier-32317'}))
RETURN length(p) AS hops, [n IN nodes(p) | n.id] AS via
