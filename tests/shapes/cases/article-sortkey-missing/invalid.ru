# An article without kg:sortKey.
PREFIX article: <https://w3id.org/kg/article/>
PREFIX kg: <https://w3id.org/kg/ontology#>
DELETE WHERE { article:art-1 kg:sortKey ?key }
