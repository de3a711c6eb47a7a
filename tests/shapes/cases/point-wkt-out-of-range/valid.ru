# The extreme longitude and latitude are still valid.
PREFIX event: <https://w3id.org/kg/event/>
PREFIX kg: <https://w3id.org/kg/ontology#>
PREFIX place: <https://w3id.org/kg/place/>
PREFIX actor: <https://w3id.org/kg/actor/>
PREFIX geometry: <https://w3id.org/kg/geometry/>
PREFIX geo: <http://www.opengis.net/ont/geosparql#>
PREFIX gn: <http://www.geonames.org/ontology#>
PREFIX schema: <https://schema.org/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE WHERE { geometry:geonames-170017 geo:asWKT ?w } ;
INSERT DATA { geometry:geonames-170017 geo:asWKT "POINT(-180 90.0)"^^geo:wktLiteral }
