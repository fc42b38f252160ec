// The words of the likely reasons a claim fails. Slots: «decimals», «rounded», «convention»,
// «value», «at», «field», and the finding's «description», «with», «count», «without».

import TraceCore

let reasonWords = Words(text: [
    "finding": "**One change explains the file better:** «description». With it «with» of «count» claims hold instead of «without», and every claim that held still holds.",
    "by finding": "«finding», which fits the whole claims file («with» of «count» claims hold with it, «without» without): it gives «value»",
    "by finding, table": "the change above gives «value»",
    "under finding": "with the change above, «reason»",
    "within float32": ", the claim to within float32's own rounding of its last steps",
    "truncated": "cut to «decimals» decimals instead of rounded: the computed «computed», rounded, is «rounded»",
    "row adjusted": "rounded, then adjusted so that the row sums to 1: rounded to «decimals» decimals the row is «rounded» (sum «sum»); the claims are «claimed»",
    "claimed number": "`«name»`«at» = «claimed» (computed «computed»)",
    "from claimed": "computed from the source's own printed numbers, «list»: from them it is «value»",
    "from claimed, cut": "computed from the source's own printed numbers, «list», and cut to «decimals» decimals: from them it is «value»",
    "rounded steps": "every intermediate number rounded to «decimals» decimals before the next step: it is then «value»",
    "float32": "single precision (float32): the given numbers and every computed value held as float32, as in a source that ran in float32 (`torch.Tensor`, NumPy `float32`)",
    "transposed field": "`«field»` stored the other way round (transposed: in × out instead of out × in, or back)",
    "transposed fields": "every weight stored the other way round («fields» transposed)",
    "swapped": "it is entry «at»: row and column swapped (a transposed matrix)",
    "other entry": "it is the value of another entry, «at»: the position may be off",
    "other layer": "these are `«other»`'s numbers: the same value in another layer of the stack",
    "sign": "the sign is flipped",
    "many slips": "**«count» failing claims have no likely reason:** no convention this lesson knows, no weight stored the other way round, no float32 and no rounding gives them. So many are no slips of the pen: the source computes something else (another formula, or other inputs than these).",
    "not a slip": "no rounding or convention gives it, nor «others» other failing claims of this file: the source computes something else",
    "not a slip, table": "no rounding or convention gives it (see above)",
    "slip": "a slip: no rounding or convention gives it",
    "slip, large input": "a slip: no rounding or convention gives it (other conventions, float32 and rounded intermediates are tried only on inputs whose trace holds at most «numbers» numbers)",
], korean: reasonKorean)
