# sem:hasPlace names an actor.
# The valid twin of invalid.ru.
PREFIX event: <https://w3id.org/kg/event/>
PREFIX place: <https://w3id.org/kg/place/>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
INSERT DATA { event:art-1.104-108 sem:hasPlace place:geonames-163843 }
