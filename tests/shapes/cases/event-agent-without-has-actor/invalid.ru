# kg:agent without the sem:hasActor kg writes next to it.
PREFIX actor: <https://w3id.org/kg/actor/>
PREFIX event: <https://w3id.org/kg/event/>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
DELETE DATA { event:art-1.30-37 sem:hasActor actor:a-b-c-d-e }
