# A place's schema:sameAs is not a GeoNames feature IRI.
PREFIX event: <https://w3id.org/kg/event/>
PREFIX kg: <https://w3id.org/kg/ontology#>
PREFIX place: <https://w3id.org/kg/place/>
PREFIX actor: <https://w3id.org/kg/actor/>
PREFIX geometry: <https://w3id.org/kg/geometry/>
PREFIX geo: <http://www.opengis.net/ont/geosparql#>
PREFIX gn: <http://www.geonames.org/ontology#>
PREFIX schema: <https://schema.org/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE WHERE { place:geonames-170017 schema:sameAs ?x } ;
INSERT DATA { place:geonames-170017 schema:sameAs <https://example.org/hama> }
