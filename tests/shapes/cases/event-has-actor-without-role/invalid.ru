# sem:hasActor for an actor that is neither agent nor target; as a target it is fine.
PREFIX actor: <https://w3id.org/kg/actor/>
PREFIX event: <https://w3id.org/kg/event/>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
INSERT DATA { event:art-1.30-37 sem:hasActor actor:sana }
