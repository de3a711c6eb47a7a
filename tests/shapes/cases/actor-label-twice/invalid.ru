# An actor with two labels (aliases go in skos:altLabel).
PREFIX actor: <https://w3id.org/kg/actor/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
INSERT DATA { actor:sana rdfs:label "Syrian Arab News Agency" }
