# A position that is a negative number; zero (an event told at the article's start) is fine.
# The valid twin of invalid.ru.
PREFIX event: <https://w3id.org/kg/event/>
PREFIX kg: <https://w3id.org/kg/ontology#>
DELETE WHERE { event:art-1.30-37 kg:position ?p } ;
INSERT DATA { event:art-1.30-37 kg:position 0 }
