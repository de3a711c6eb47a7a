# An article whose nif:beginIndex is not 0.
PREFIX article: <https://w3id.org/kg/article/>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
DELETE WHERE { article:art-1 nif:beginIndex ?b } ;
INSERT DATA { article:art-1 nif:beginIndex 5 }
