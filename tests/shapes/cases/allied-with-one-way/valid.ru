# kg:alliedWith written one way only; a new pair written both ways is fine.
# The valid twin of invalid.ru.
PREFIX actor: <https://w3id.org/kg/actor/>
PREFIX event: <https://w3id.org/kg/event/>
PREFIX kg: <https://w3id.org/kg/ontology#>
PREFIX place: <https://w3id.org/kg/place/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX relation: <https://w3id.org/kg/relation/>
INSERT DATA { actor:sana kg:alliedWith actor:civilians . actor:civilians kg:alliedWith actor:sana }
