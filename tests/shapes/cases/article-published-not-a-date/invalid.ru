# A schema:datePublished that is a string; an xsd:date is fine.
PREFIX article: <https://w3id.org/kg/article/>
PREFIX schema: <https://schema.org/>
DELETE WHERE { article:art-1 schema:datePublished ?d } ;
INSERT DATA { article:art-1 schema:datePublished "yesterday" }
