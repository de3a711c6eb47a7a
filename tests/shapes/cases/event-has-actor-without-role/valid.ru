# sem:hasActor for an actor that is neither agent nor target; as a target it is fine.
# The valid twin of invalid.ru.
PREFIX actor: <https://w3id.org/kg/actor/>
PREFIX event: <https://w3id.org/kg/event/>
PREFIX kg: <https://w3id.org/kg/ontology#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
INSERT DATA { event:art-1.30-37 sem:hasActor actor:sana ; kg:target actor:sana }
