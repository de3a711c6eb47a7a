# kg:timeText with a language tag instead of a plain string.
PREFIX event: <https://w3id.org/kg/event/>
PREFIX kg: <https://w3id.org/kg/ontology#>
DELETE WHERE { event:art-1.30-37 kg:timeText ?t } ;
INSERT DATA { event:art-1.30-37 kg:timeText "Monday"@en }
