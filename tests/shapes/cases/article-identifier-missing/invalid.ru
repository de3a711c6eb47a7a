# An article without dcterms:identifier.
PREFIX article: <https://w3id.org/kg/article/>
PREFIX dcterms: <http://purl.org/dc/terms/>
DELETE WHERE { article:art-1 dcterms:identifier ?id }
