# An actor type outside the actor-type scheme; any concept of it is fine.
# The valid twin of invalid.ru.
PREFIX actor: <https://w3id.org/kg/actor/>
PREFIX kgat: <https://w3id.org/kg/actor-type/>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
DELETE WHERE { actor:sana sem:actorType ?t } ;
INSERT DATA { actor:sana sem:actorType kgat:rebel-group }
