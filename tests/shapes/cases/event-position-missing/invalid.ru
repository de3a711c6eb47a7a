# An event without kg:position.
PREFIX event: <https://w3id.org/kg/event/>
PREFIX kg: <https://w3id.org/kg/ontology#>
DELETE WHERE { event:art-1.30-37 kg:position ?p }
