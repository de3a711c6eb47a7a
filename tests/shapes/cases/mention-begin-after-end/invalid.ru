# A mention whose offsets are swapped.
PREFIX mention: <https://w3id.org/kg/mention/>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
DELETE WHERE { mention:art-1.83-87 nif:beginIndex ?b ; nif:endIndex ?e } ;
INSERT DATA { mention:art-1.83-87 nif:beginIndex 87 ; nif:endIndex 83 }
