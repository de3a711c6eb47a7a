# An identifier typed xsd:integer, not a string.
# The valid twin of invalid.ru.
PREFIX article: <https://w3id.org/kg/article/>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE WHERE { article:art-1 dcterms:identifier ?id } ;
INSERT DATA { article:art-1 dcterms:identifier "1"^^xsd:string }
