# A count whose lexical form is not an integer.
PREFIX event: <https://w3id.org/kg/event/>
PREFIX kg: <https://w3id.org/kg/ontology#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
INSERT DATA { event:art-1.104-108 kg:displaced "thousands"^^xsd:integer }
