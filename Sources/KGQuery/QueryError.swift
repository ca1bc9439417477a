import KGQuerySyntax

/// Why a query could not be bound or run. Binding errors point into the query text; run errors name
/// the value or limit involved. `description` is prefixed by the stage (`bind error`, `query error`).
public enum QueryError: Error, Equatable, Sendable, CustomStringConvertible {
    // MARK: Binding
    /// A variable used before any clause introduced it.
    case undefinedVariable(String, suggestion: String?, at: SourceSpan)
    /// A variable used as another kind (a relationship where a node is needed, ...).
    case variableKind(String, expected: String, actual: String, at: SourceSpan)
    /// A variable introduced twice where that is not allowed.
    case variableRedefined(String, at: SourceSpan)
    /// `$name` not given.
    case missingParameter(String, given: [String], at: SourceSpan)
    /// A function the language does not have.
    case unknownFunction(String, suggestion: String?, at: SourceSpan)
    /// A function called with the wrong number of arguments.
    case argumentCount(function: String, expected: String, actual: Int, at: SourceSpan)
    /// An aggregate where aggregates are not allowed (WHERE, inside another aggregate, ...).
    case misplacedAggregate(String, at: SourceSpan)
    /// A construct the binder refuses, with the reason.
    case invalid(String, at: SourceSpan)

    // MARK: Running
    /// An operator or function got values it cannot work on.
    case typeMismatch(String)
    /// A function argument outside what the function accepts (a bad date, ...).
    case invalidArgument(function: String, message: String)
    /// A regular expression that does not compile.
    case invalidRegex(pattern: String, message: String)
    /// The query ran longer than its timeout.
    case timeout(seconds: Double)
    /// More rows held at once than `QueryLimits.maxMaterializedRows`.
    case tooManyRows(limit: Int)
    /// Reading the graph failed (the store reports why).
    case graph(String)
    /// The thread a long query runs on (see `LargeStack`) could not be started.
    case cannotStartThread(errno: Int32)

    /// Where in the query text, for binding errors.
    public var span: SourceSpan? {
        switch self {
        case .undefinedVariable(_, _, let at), .variableKind(_, _, _, let at), .variableRedefined(_, let at),
             .missingParameter(_, _, let at), .unknownFunction(_, _, let at), .argumentCount(_, _, _, let at),
             .misplacedAggregate(_, let at), .invalid(_, let at):
            return at
        default:
            return nil
        }
    }

    /// The message without stage prefix or position.
    public var message: String {
        switch self {
        case .undefinedVariable(let name, let suggestion, _):
            return "variable `\(name)` is not defined" + (suggestion.map { " (did you mean `\($0)`?)" } ?? "")
        case .variableKind(let name, let expected, let actual, _):
            return "variable `\(name)` is \(actual), not \(expected)"
        case .variableRedefined(let name, _):
            return "variable `\(name)` is already defined"
        case .missingParameter(let name, let given, _):
            return "parameter $\(name) was not given" + (given.isEmpty ? " (pass --param \(name)=VALUE)" : " (given: \(given.map { "$" + $0 }.joined(separator: ", ")))")
        case .unknownFunction(let name, let suggestion, _):
            return "unknown function \(name)()" + (suggestion.map { " (did you mean \($0)()?)" } ?? "")
        case .argumentCount(let function, let expected, let actual, _):
            return "\(function)() takes \(expected), got \(actual)"
        case .misplacedAggregate(let message, _), .invalid(let message, _):
            return message
        case .typeMismatch(let message):
            return message
        case .invalidArgument(let function, let message):
            return "\(function)(): \(message)"
        case .invalidRegex(let pattern, let message):
            return "invalid regular expression '\(pattern)': \(message)"
        case .timeout(let seconds):
            return "the query ran longer than its timeout of \(QueryError.seconds(seconds)) and was stopped"
        case .tooManyRows(let limit):
            return "the query holds more than \(limit) rows at once (in a sort, aggregation, DISTINCT or the result); add LIMIT or narrow the pattern"
        case .graph(let message):
            return "reading the graph failed: \(message)"
        case .cannotStartThread(let code):
            return "could not start the thread that runs long queries (pthread_create error \(code)); the system may be out of threads or memory"
        }
    }

    public var description: String {
        if let span { return "bind error at \(span): " + message }
        return "query error: " + message
    }

    /// The description, with the query line and a caret when the error points into the text.
    public func render(source: String) -> String {
        guard let span, let excerpt = SourceExcerpt.render(span, in: source) else { return description }
        return description + "\n" + excerpt
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}
