// Who signed the letters about each meeting (one row per meeting, signatories collected).
MATCH (m:Meeting)<-[:about]-(d:Document)-[:signed_by]->(p:Minister)
RETURN m.name, m.date, count(DISTINCT d) AS letters, collect(p.name) AS signed_by
ORDER BY m.date DESC
