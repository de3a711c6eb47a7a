# Confidence typed xsd:double instead of xsd:decimal.
PREFIX event: <https://w3id.org/kg/event/>
PREFIX kg: <https://w3id.org/kg/ontology#>
DELETE WHERE { event:art-1.88-92 kg:confidence ?c } ;
INSERT DATA { event:art-1.88-92 kg:confidence 9.0e-1 }
