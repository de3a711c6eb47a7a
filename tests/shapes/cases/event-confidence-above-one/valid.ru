# Confidence above 1; exactly 1 is fine.
# The valid twin of invalid.ru.
PREFIX event: <https://w3id.org/kg/event/>
PREFIX kg: <https://w3id.org/kg/ontology#>
DELETE WHERE { event:art-1.88-92 kg:confidence ?c } ;
INSERT DATA { event:art-1.88-92 kg:confidence 1.0 }
