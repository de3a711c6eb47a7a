# A mention with two anchor texts.
PREFIX mention: <https://w3id.org/kg/mention/>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
INSERT DATA { mention:art-1.83-87 nif:anchorOf "Sana" }
