// Which documents cite each other? A paper whose passages cite a Kamerstuk that another paper is
// (by its stated number, its publication metadata, or what it is).
MATCH (d1:Document)-[:contains]->(x)-[:cites]->(k:Kamerstuk)<-[s:same_as]-(d2:Document)
WHERE d1 <> d2
RETURN d1.title AS citing, k.id AS kamerstuk, d2.title AS cited, s.rule AS identified_by, count(DISTINCT x) AS passages
ORDER BY citing, kamerstuk
