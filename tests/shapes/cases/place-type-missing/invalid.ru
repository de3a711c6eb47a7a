# A place without kg:placeType.
PREFIX kg: <https://w3id.org/kg/ontology#>
PREFIX place: <https://w3id.org/kg/place/>
DELETE WHERE { place:geonames-163843 kg:placeType ?t }
