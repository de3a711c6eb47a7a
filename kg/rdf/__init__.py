"""From extracted records to RDF: namespaces, IRI minting and the mapping."""
