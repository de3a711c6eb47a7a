# The statement is derived from an actor, not an event; a statement from no event is fine.
# The valid twin of invalid.ru.
PREFIX actor: <https://w3id.org/kg/actor/>
PREFIX event: <https://w3id.org/kg/event/>
PREFIX kg: <https://w3id.org/kg/ontology#>
PREFIX place: <https://w3id.org/kg/place/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX relation: <https://w3id.org/kg/relation/>
DELETE WHERE { relation:art-1.fighting-against.0-93.fd5f28efa0aa kg:derivedFromEvent ?e }
