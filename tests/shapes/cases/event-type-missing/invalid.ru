# An event without sem:eventType.
PREFIX event: <https://w3id.org/kg/event/>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
DELETE WHERE { event:art-1.30-37 sem:eventType ?t }
