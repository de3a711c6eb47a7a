# A place without kg:placeType.
PREFIX kg: <https://w3id.org/kg/ontology#>
PREFIX place: <https://w3id.org/kg/place/>
DELETE WHERE { place:syria kg:placeType ?t }
