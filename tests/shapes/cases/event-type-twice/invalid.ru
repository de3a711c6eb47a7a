# An event with two event types.
PREFIX event: <https://w3id.org/kg/event/>
PREFIX kget: <https://w3id.org/kg/event-type/>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
INSERT DATA { event:art-1.30-37 sem:eventType kget:armed-clash }
