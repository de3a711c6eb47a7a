"""A fast SHACL check: kg's shapes compiled once into plain Python over one pass of the data.

pySHACL costs about as much per article as the spaCy model (~13.5k triples/s). Almost every
article conforms, and for those only the verdict matters. ``FastShapes`` compiles a shapes
graph into checks over an index of the data graph built in one pass, and returns the results
pySHACL 0.40 would: focus node, source shape, path, component and value, by the same rules
(``kg.shacl.components`` follows pySHACL component by component, including where pySHACL
reads the spec its own way). ``FastShapes.conforms`` gives the verdict alone, more cheaply
(per-shape plans that stop at the first failure and make no results); ``kg.validate`` reads
it, and runs pySHACL only on a graph it finds fault with, for the readable report.

Only the SHACL Core features kg's shapes use are compiled: ``sh:targetClass``; node and
property shapes; paths made of IRIs, sequences, ``sh:inversePath`` of an IRI and
``sh:alternativePath``; ``sh:class``, ``sh:datatype``, ``sh:nodeKind``, ``sh:minCount``,
``sh:maxCount``, ``sh:minLength``, ``sh:maxLength``, ``sh:pattern`` (with ``sh:flags``),
``sh:in``, ``sh:hasValue``, ``sh:min/maxInclusive``, ``sh:min/maxExclusive``, ``sh:equals``,
``sh:lessThan``, ``sh:or`` and ``sh:property``. Any other term of the SHACL namespace in the
shapes graph, or a parameter pySHACL would refuse, raises ``UnsupportedShapes``: the caller
then uses pySHACL alone, so a user's own shapes (``KG_SHAPES_DIR``) keep working. A data graph
the check cannot judge as pySHACL does (``sh:lessThan`` on a blank node, values Python cannot
compare) raises ``Undecided``, and the caller asks pySHACL.
"""

from kg.shacl.compiler import FastShapes
from kg.shacl.core import Result, Undecided, UnsupportedShapes

__all__ = ["FastShapes", "Result", "Undecided", "UnsupportedShapes"]
