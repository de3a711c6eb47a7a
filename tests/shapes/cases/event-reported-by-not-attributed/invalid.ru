# kg:reportedBy without the prov:wasAttributedTo kg writes next to it.
PREFIX actor: <https://w3id.org/kg/actor/>
PREFIX event: <https://w3id.org/kg/event/>
PREFIX prov: <http://www.w3.org/ns/prov#>
DELETE DATA { event:art-1.30-37 prov:wasAttributedTo actor:sana }
