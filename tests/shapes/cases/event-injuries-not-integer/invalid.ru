# A count typed xsd:decimal; an xsd:integer is fine.
PREFIX event: <https://w3id.org/kg/event/>
PREFIX kg: <https://w3id.org/kg/ontology#>
INSERT DATA { event:art-1.30-37 kg:injuries 2.5 }
