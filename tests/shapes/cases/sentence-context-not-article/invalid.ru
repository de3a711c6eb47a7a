# A sentence whose nif:referenceContext is not a nif:Context.
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX sentence: <https://w3id.org/kg/sentence/>
DELETE WHERE { sentence:art-1.94-109 nif:referenceContext ?c } ;
INSERT DATA { sentence:art-1.94-109 nif:referenceContext sentence:art-1.0-93 }
