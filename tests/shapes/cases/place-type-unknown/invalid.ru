# A place type outside the place-type scheme.
PREFIX kg: <https://w3id.org/kg/ontology#>
PREFIX kgpt: <https://w3id.org/kg/place-type/>
PREFIX place: <https://w3id.org/kg/place/>
DELETE WHERE { place:geonames-170017 kg:placeType ?t } ;
INSERT DATA { place:geonames-170017 kg:placeType kgpt:city }
