# An actor with no Wikidata id at all conforms (most actors have none).
PREFIX actor: <https://w3id.org/kg/actor/>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
DELETE WHERE { actor:a-b-c-d-e owl:sameAs ?x }
