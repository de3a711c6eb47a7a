# An event without prov:wasGeneratedBy.
PREFIX event: <https://w3id.org/kg/event/>
PREFIX prov: <http://www.w3.org/ns/prov#>
DELETE WHERE { event:art-1.104-108 prov:wasGeneratedBy ?a }
