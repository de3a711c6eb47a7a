# An article without its text (nif:isString).
PREFIX article: <https://w3id.org/kg/article/>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
DELETE WHERE { article:art-1 nif:isString ?text }
