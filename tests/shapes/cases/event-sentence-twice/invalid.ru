# An event with two kg:sentence values.
PREFIX event: <https://w3id.org/kg/event/>
PREFIX kg: <https://w3id.org/kg/ontology#>
PREFIX sentence: <https://w3id.org/kg/sentence/>
INSERT DATA { event:art-1.104-108 kg:sentence sentence:art-1.0-93 }
