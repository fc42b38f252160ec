// The machine-readable trace (SPEC "JSON trace"): every computed value, in computation order,
// at full precision, with its symbolic equation.

import JSONFormat
import TraceCore

public enum JSONTraceRenderer {
    public static func render(_ trace: Trace) -> String {
        let equations = EquationWriter(style: NumberStyle(precision: 4))
        let values: [JSON] = trace.computedSteps.compactMap { step in
            step.computed.map { computed in
                .fields([
                    "name": .string(step.name),
                    "shape": .array(step.shape.map { .number(Double($0)) }),
                    "value": step.shape.count > 2 ? nested(step.value.flat[...], shape: step.shape[...]) : json(step.value),
                    "equation": .string("\(step.symbol) = \(equations.symbolic(computed))"),
                ])
            }
        }
        var members = [
            JSONMember("lesson", .string(trace.lesson)),
            JSONMember("example", .string(trace.example)),
            JSONMember("values", .array(values)),
        ]
        if let (source, verdicts) = trace.claims {
            members.append(JSONMember("source", .string(source)))
            members.append(JSONMember("claims", .array(verdicts.map { v in
                .fields([
                    "value": .string(v.claim.value),
                    "at": .array(v.claim.at.map { .number(Double($0)) }),
                    "expected": number(v.claim.expected),
                    "computed": number(v.computed),
                    "holds": .bool(v.holds),
                    "reason": v.reason.map { .string($0) } ?? .null,
                ])
            })))
        }
        return JSON.object(members).rendered()
    }

    /// Full precision (shortest round-trip form); a non-finite entry as "inf", "-inf" or "nan".
    static func number(_ x: Double) -> JSON {
        guard x.isFinite else { return .string(x.isNaN ? "nan" : (x < 0 ? "-inf" : "inf")) }
        return .number(x)
    }

    /// An array of more than two axes as nested arrays: B matrices of T rows of D numbers.
    static func nested(_ entries: ArraySlice<Double>, shape: ArraySlice<Int>) -> JSON {
        guard let size = shape.first, shape.count > 1 else { return .array(entries.map(number)) }
        let stride = entries.count / max(size, 1)
        return .array((0..<size).map { i in
            let start = entries.startIndex + i * stride
            return nested(entries[start..<(start + stride)], shape: shape.dropFirst())
        })
    }

    static func json(_ value: Value) -> JSON {
        switch value {
        case .scalar(let x): return number(x)
        case .vector(let v): return .array(v.entries.map(number))
        case .matrix(let m): return .array((0..<m.rows).map { r in .array(m.row(r).entries.map(number)) })
        }
    }
}
