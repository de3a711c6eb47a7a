# An event type that is not in the event-type scheme; any concept of it is fine.
PREFIX event: <https://w3id.org/kg/event/>
PREFIX kget: <https://w3id.org/kg/event-type/>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
DELETE WHERE { event:art-1.30-37 sem:eventType ?t } ;
INSERT DATA { event:art-1.30-37 sem:eventType kget:bombing }
