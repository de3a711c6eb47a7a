# The extraction activity without a label.
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
DELETE { ?a rdfs:label ?l } WHERE { ?a a prov:Activity ; rdfs:label ?l }
