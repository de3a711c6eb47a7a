# schema:containedInPlace names an actor.
PREFIX actor: <https://w3id.org/kg/actor/>
PREFIX place: <https://w3id.org/kg/place/>
PREFIX schema: <https://schema.org/>
INSERT DATA { place:geonames-163843 schema:containedInPlace actor:sana }
