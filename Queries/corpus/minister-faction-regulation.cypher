// Which minister answered which faction about which regulation? Questions that name or cite an EU act
// or law, the faction that asked and the ministers who answered (by the papers' own account of who
// answered, or their signatures).
MATCH (m:Minister)-[:answers]->(q:Question)<-[:asks]-(f:Faction), (q)-[:refers_to|cites]->(r:Regulation)
RETURN m.name AS minister, f.id AS faction, r.name AS regulation, count(DISTINCT q) AS questions
ORDER BY questions DESC, minister, faction, regulation
LIMIT 25
