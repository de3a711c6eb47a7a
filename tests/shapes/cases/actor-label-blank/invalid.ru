# An actor label of spaces only.
PREFIX actor: <https://w3id.org/kg/actor/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
DELETE WHERE { actor:civilians rdfs:label ?l } ;
INSERT DATA { actor:civilians rdfs:label "   " }
