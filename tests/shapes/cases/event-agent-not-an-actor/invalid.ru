# The agent (and so sem:hasActor) is a place, not a sem:Actor.
PREFIX actor: <https://w3id.org/kg/actor/>
PREFIX event: <https://w3id.org/kg/event/>
PREFIX kg: <https://w3id.org/kg/ontology#>
PREFIX place: <https://w3id.org/kg/place/>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
DELETE DATA { event:art-1.88-92 kg:agent actor:sana ; sem:hasActor actor:sana } ;
INSERT DATA { event:art-1.88-92 kg:agent place:geonames-170017 ; sem:hasActor place:geonames-170017 }
