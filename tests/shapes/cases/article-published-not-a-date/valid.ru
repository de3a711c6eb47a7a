# A schema:datePublished that is a string; an xsd:date is fine.
# The valid twin of invalid.ru.
PREFIX article: <https://w3id.org/kg/article/>
PREFIX schema: <https://schema.org/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE WHERE { article:art-1 schema:datePublished ?d } ;
INSERT DATA { article:art-1 schema:datePublished "2024-03-05"^^xsd:date }
