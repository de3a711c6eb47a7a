# An event without prov:wasDerivedFrom: no link to its article.
PREFIX event: <https://w3id.org/kg/event/>
PREFIX prov: <http://www.w3.org/ns/prov#>
DELETE WHERE { event:art-1.30-37 prov:wasDerivedFrom ?a }
