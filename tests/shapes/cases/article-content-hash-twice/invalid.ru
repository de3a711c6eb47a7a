# An article with two content hashes.
PREFIX article: <https://w3id.org/kg/article/>
PREFIX kg: <https://w3id.org/kg/ontology#>
INSERT DATA { article:art-1 kg:contentHash "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881" , "a1fce4363854ff888cff4b8e7875d600c2682390412a8cf79b37d0b11148b0fa" }
