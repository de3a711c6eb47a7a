# Two time stamps on one event.
PREFIX event: <https://w3id.org/kg/event/>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
INSERT DATA { event:art-1.30-37 sem:hasTimeStamp "2024-03-05"^^xsd:date }
