# A sort key written as a string, not an xsd:integer.
# The valid twin of invalid.ru: a key of 0 (the least) is an integer still.
PREFIX article: <https://w3id.org/kg/article/>
PREFIX kg: <https://w3id.org/kg/ontology#>
DELETE WHERE { article:art-1 kg:sortKey ?key } ;
INSERT DATA { article:art-1 kg:sortKey 0 }
