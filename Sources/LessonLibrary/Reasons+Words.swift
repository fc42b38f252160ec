// The words of the likely reasons a claim fails. Slots: «decimals», «rounded», «convention»,
// «value», «at», «field».

import TraceCore

let reasonWords = Words(text: [
    "truncated": "the computed value cut to «decimals» decimals instead of rounded (rounded it is «rounded»): truncated, or computed from already rounded intermediate numbers",
    "last decimal": "one unit off in the last written decimal: probably rounding of already rounded intermediate numbers",
    "convention": "it is the value under another convention: «convention», which gives «value»",
    "transposed field": "`«field»` transposed (a weight stored the other way round, in × out instead of out × in or back)",
    "swapped": "it is entry «at»: row and column swapped (a transposed matrix)",
    "other entry": "it is the value of another entry, «at»: the position may be off",
    "sign": "the sign is flipped",
    "none": "no likely reason found: a misprint, or a different input than the one given",
    "none, large input": "no likely reason found (conventions, transposed inputs and other entries are tried only on inputs whose trace holds at most «numbers» numbers)",
])
