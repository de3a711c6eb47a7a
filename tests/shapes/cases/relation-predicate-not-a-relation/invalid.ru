# The statement describes a triple of another property (kg:agent), not a relation between actors.
PREFIX actor: <https://w3id.org/kg/actor/>
PREFIX event: <https://w3id.org/kg/event/>
PREFIX kg: <https://w3id.org/kg/ontology#>
PREFIX place: <https://w3id.org/kg/place/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX relation: <https://w3id.org/kg/relation/>
DELETE DATA { relation:art-1.fighting-against.0-93.fd5f28efa0aa rdf:predicate kg:fightsAgainst } ;
INSERT DATA { relation:art-1.fighting-against.0-93.fd5f28efa0aa rdf:predicate kg:agent }
