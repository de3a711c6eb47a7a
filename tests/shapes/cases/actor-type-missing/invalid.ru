# An actor without sem:actorType.
PREFIX actor: <https://w3id.org/kg/actor/>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
DELETE WHERE { actor:sana sem:actorType ?t }
