# A time stamp that is a plain string; an xsd:dateTime is fine.
PREFIX event: <https://w3id.org/kg/event/>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
DELETE WHERE { event:art-1.30-37 sem:hasTimeStamp ?t } ;
INSERT DATA { event:art-1.30-37 sem:hasTimeStamp "2024-03-04" }
