# A negative count; zero is fine.
# The valid twin of invalid.ru.
PREFIX event: <https://w3id.org/kg/event/>
PREFIX kg: <https://w3id.org/kg/ontology#>
DELETE WHERE { event:art-1.30-37 kg:fatalities ?n } ;
INSERT DATA { event:art-1.30-37 kg:fatalities 0 }
