# The event's external actor (a state's forces acting abroad) is a place, not a sem:Actor.
PREFIX event: <https://w3id.org/kg/event/>
PREFIX kg: <https://w3id.org/kg/ontology#>
PREFIX place: <https://w3id.org/kg/place/>
INSERT DATA { event:art-1.88-92 kg:externalActor place:geonames-170017 }
