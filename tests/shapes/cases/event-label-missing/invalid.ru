# An event without rdfs:label.
PREFIX event: <https://w3id.org/kg/event/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
DELETE WHERE { event:art-1.88-92 rdfs:label ?l }
