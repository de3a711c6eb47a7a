# A date precision on an event without a time stamp.
PREFIX event: <https://w3id.org/kg/event/>
PREFIX kg: <https://w3id.org/kg/ontology#>
INSERT DATA { event:art-1.104-108 kg:datePrecision 1 }
