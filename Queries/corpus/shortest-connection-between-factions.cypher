// What is the shortest connection between two factions? The chain of questions, papers and the
// things they mention that links the VVD to the SP (in either direction), as node ids.
MATCH p = shortestPath((a:Faction {id: 'faction-VVD'})-[*]-(b:Faction {id: 'faction-SP'}))
RETURN length(p) AS hops, [n IN nodes(p) | n.id] AS path
