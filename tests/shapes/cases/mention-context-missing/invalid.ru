# A mention without nif:referenceContext.
PREFIX mention: <https://w3id.org/kg/mention/>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
DELETE WHERE { mention:art-1.83-87 nif:referenceContext ?c }
