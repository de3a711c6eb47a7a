# An article whose kg:contentHash is not 64 lowercase hex digits (upper case here).
PREFIX article: <https://w3id.org/kg/article/>
PREFIX kg: <https://w3id.org/kg/ontology#>
INSERT DATA { article:art-1 kg:contentHash "2D711642B726B04401627CA9FBAC32F5C8530FB1903CC4DB02258717921A4881" }
