# An article whose kg:contentHash is not 64 lowercase hex digits (upper case here).
# The valid twin of invalid.ru.
PREFIX article: <https://w3id.org/kg/article/>
PREFIX kg: <https://w3id.org/kg/ontology#>
INSERT DATA { article:art-1 kg:contentHash "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881" }
