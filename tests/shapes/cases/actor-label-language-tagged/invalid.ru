# An actor label with a language tag instead of a plain string.
PREFIX actor: <https://w3id.org/kg/actor/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
DELETE WHERE { actor:sana rdfs:label ?l } ;
INSERT DATA { actor:sana rdfs:label "SANA"@en }
