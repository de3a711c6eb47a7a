# A sort key written as a string, not an xsd:integer.
PREFIX article: <https://w3id.org/kg/article/>
PREFIX kg: <https://w3id.org/kg/ontology#>
DELETE WHERE { article:art-1 kg:sortKey ?key } ;
INSERT DATA { article:art-1 kg:sortKey "20240304" }
