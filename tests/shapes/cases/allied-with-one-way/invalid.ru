# kg:alliedWith written one way only; a new pair written both ways is fine.
PREFIX actor: <https://w3id.org/kg/actor/>
PREFIX event: <https://w3id.org/kg/event/>
PREFIX kg: <https://w3id.org/kg/ontology#>
PREFIX place: <https://w3id.org/kg/place/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX relation: <https://w3id.org/kg/relation/>
DELETE DATA { actor:sana kg:alliedWith actor:a-b-c-d-e }
