# The valid twin: the external actor is one of the event's actors.
PREFIX actor: <https://w3id.org/kg/actor/>
PREFIX event: <https://w3id.org/kg/event/>
PREFIX kg: <https://w3id.org/kg/ontology#>
INSERT DATA { event:art-1.88-92 kg:externalActor actor:sana }
