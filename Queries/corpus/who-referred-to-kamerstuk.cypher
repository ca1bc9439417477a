// Who referred to a given Kamerstuk, and through what? Every passage citing Kamerstuk 32317, nr. 872
// (the non-papers for the JBZ-Raad of 4-5 March 2024), the paper it stands in, what kind of passage it
// is, and for a question the faction that asked it.
MATCH (k:Kamerstuk {id: 'kst-32317-872'})<-[c:cites]-(x)<-[:contains]-(d:Document)
OPTIONAL MATCH (f:Faction)-[:asks]->(x)
RETURN d.title AS paper, d.date AS date, labels(x) AS passage, f.id AS faction, c.via AS via
ORDER BY date, paper, faction
