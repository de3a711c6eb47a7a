# itsrdf:taIdentRef names an IRI not described in the graph.
PREFIX actor: <https://w3id.org/kg/actor/>
PREFIX itsrdf: <http://www.w3.org/2005/11/its/rdf#>
PREFIX mention: <https://w3id.org/kg/mention/>
DELETE WHERE { mention:art-1.83-87 itsrdf:taIdentRef ?x } ;
INSERT DATA { mention:art-1.83-87 itsrdf:taIdentRef actor:nobody }
