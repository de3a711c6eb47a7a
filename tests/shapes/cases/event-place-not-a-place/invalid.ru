# sem:hasPlace names an actor.
PREFIX actor: <https://w3id.org/kg/actor/>
PREFIX event: <https://w3id.org/kg/event/>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
INSERT DATA { event:art-1.104-108 sem:hasPlace actor:civilians }
