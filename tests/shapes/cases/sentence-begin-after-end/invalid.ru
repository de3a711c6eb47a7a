# A sentence whose offsets are swapped.
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX sentence: <https://w3id.org/kg/sentence/>
DELETE WHERE { sentence:art-1.94-109 nif:beginIndex ?b ; nif:endIndex ?e } ;
INSERT DATA { sentence:art-1.94-109 nif:beginIndex 109 ; nif:endIndex 94 }
