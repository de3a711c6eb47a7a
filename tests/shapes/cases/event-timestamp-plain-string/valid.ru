# A time stamp that is a plain string; an xsd:dateTime is fine.
# The valid twin of invalid.ru.
PREFIX event: <https://w3id.org/kg/event/>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE WHERE { event:art-1.30-37 sem:hasTimeStamp ?t } ;
INSERT DATA { event:art-1.30-37 sem:hasTimeStamp "2024-03-04T10:00:00Z"^^xsd:dateTime }
