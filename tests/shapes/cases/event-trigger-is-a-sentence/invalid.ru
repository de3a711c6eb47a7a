# kg:trigger names a nif:Sentence, not a nif:Phrase.
PREFIX event: <https://w3id.org/kg/event/>
PREFIX kg: <https://w3id.org/kg/ontology#>
PREFIX sentence: <https://w3id.org/kg/sentence/>
DELETE WHERE { event:art-1.104-108 kg:trigger ?m } ;
INSERT DATA { event:art-1.104-108 kg:trigger sentence:art-1.94-109 }
