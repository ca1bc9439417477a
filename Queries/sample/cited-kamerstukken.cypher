// Which Kamerstukken does each document cite, and in which dossier do they stand?
MATCH (d:Document)-[:cites]->(k:Kamerstuk)-[:part_of]->(dossier:Dossier)
RETURN d.date, k.id, k.title, dossier.title AS dossier
ORDER BY k.id
