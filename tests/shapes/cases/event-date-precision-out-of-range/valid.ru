# Date precision 4; 3 (within a month) is fine.
# The valid twin of invalid.ru.
PREFIX event: <https://w3id.org/kg/event/>
PREFIX kg: <https://w3id.org/kg/ontology#>
DELETE WHERE { event:art-1.30-37 kg:datePrecision ?p } ;
INSERT DATA { event:art-1.30-37 kg:datePrecision 3 }
