# Date precision 4; 3 (within a month) is fine.
PREFIX event: <https://w3id.org/kg/event/>
PREFIX kg: <https://w3id.org/kg/ontology#>
DELETE WHERE { event:art-1.30-37 kg:datePrecision ?p } ;
INSERT DATA { event:art-1.30-37 kg:datePrecision 4 }
