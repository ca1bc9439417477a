// How does a motion travel across meetings? The passages (questions, answers, paragraphs) that cite
// or mention the motion of the member Veldkamp c.s. on smuggling jurisdiction (Kamerstuk 36410-VI, nr. 85),
// the papers holding them, and the council meetings those papers are about, in date order.
// Another motion: change the id (kg query -f ... or copy the file).
MATCH (m:Motion {id: 'kst-36410-VI-85'})<-[:cites|refers_to]-(x)<-[:contains]-(d:Document)-[:about]->(mt:Meeting)
RETURN mt.id AS meeting, mt.date AS date, d.title AS paper, d.date AS written, count(DISTINCT x) AS passages
ORDER BY date, written, paper
