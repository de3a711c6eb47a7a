# A place alias in another spelling is fine.
PREFIX place: <https://w3id.org/kg/place/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
INSERT DATA { place:geonames-170017 skos:altLabel "Hamah" }
