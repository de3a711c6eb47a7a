# prov:wasDerivedFrom names a sentence, not a schema:NewsArticle.
PREFIX event: <https://w3id.org/kg/event/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX sentence: <https://w3id.org/kg/sentence/>
DELETE WHERE { event:art-1.30-37 prov:wasDerivedFrom ?a } ;
INSERT DATA { event:art-1.30-37 prov:wasDerivedFrom sentence:art-1.0-93 }
