# Confidence below 0; exactly 0 is fine.
# The valid twin of invalid.ru.
PREFIX event: <https://w3id.org/kg/event/>
PREFIX kg: <https://w3id.org/kg/ontology#>
DELETE WHERE { event:art-1.88-92 kg:confidence ?c } ;
INSERT DATA { event:art-1.88-92 kg:confidence 0.0 }
