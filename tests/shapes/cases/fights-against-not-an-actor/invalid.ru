# An actor fights against a place; an actor fighting back is fine (kg:fightsAgainst is directed, one way is enough).
PREFIX actor: <https://w3id.org/kg/actor/>
PREFIX event: <https://w3id.org/kg/event/>
PREFIX kg: <https://w3id.org/kg/ontology#>
PREFIX place: <https://w3id.org/kg/place/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX relation: <https://w3id.org/kg/relation/>
INSERT DATA { actor:a-b-c-d-e kg:fightsAgainst place:geonames-170017 }
