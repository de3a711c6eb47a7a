# Confidence below 0; exactly 0 is fine.
PREFIX event: <https://w3id.org/kg/event/>
PREFIX kg: <https://w3id.org/kg/ontology#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE WHERE { event:art-1.88-92 kg:confidence ?c } ;
INSERT DATA { event:art-1.88-92 kg:confidence "-0.1"^^xsd:decimal }
