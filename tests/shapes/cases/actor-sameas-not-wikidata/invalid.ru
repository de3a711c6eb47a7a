# An actor's owl:sameAs is the Wikidata web page, not the entity IRI.
PREFIX actor: <https://w3id.org/kg/actor/>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
DELETE WHERE { actor:a-b-c-d-e owl:sameAs ?x } ;
INSERT DATA { actor:a-b-c-d-e owl:sameAs <https://www.wikidata.org/wiki/Q123456789> }
