// Which factions asked about which countries? Countries named in each faction's questions (the
// Netherlands left out: nearly every question names it), with the number of questions.
MATCH (f:Faction)-[:asks]->(q:Question)-[:refers_to]->(c:Country)
WHERE c.id <> 'country-NL'
RETURN f.id AS faction, c.name AS country, count(DISTINCT q) AS questions
ORDER BY questions DESC, faction, country
