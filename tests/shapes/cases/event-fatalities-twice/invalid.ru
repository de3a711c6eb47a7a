# Two fatality counts on one event.
PREFIX event: <https://w3id.org/kg/event/>
PREFIX kg: <https://w3id.org/kg/ontology#>
INSERT DATA { event:art-1.30-37 kg:fatalities 4 }
