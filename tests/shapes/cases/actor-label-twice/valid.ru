# An actor with two labels (aliases go in skos:altLabel).
# The valid twin of invalid.ru.
PREFIX actor: <https://w3id.org/kg/actor/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
INSERT DATA { actor:sana skos:altLabel "Syrian Arab News Agency" }
