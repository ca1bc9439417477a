import KGModel
import KGQuery
import KGQuerySyntax
import Testing

/// Binding: unknown labels, types and properties are warnings (and match nothing), mistakes in the
/// query are errors with positions.
@Suite struct BinderTests {
    let runner: Runner

    init() throws { runner = Runner(try Fixtures.parliament()) }

    @Test func unknownLabelsTypesAndPropertiesAreWarnings() throws {
        let label = try runner.run("MATCH (m:Motie) RETURN m")
        #expect(label.table.rows.isEmpty)
        #expect(label.warnings.map(\.description) == ["1:7: unknown label :Motie: no node in the graph has it, so this matches nothing (did you mean :Motion?)"])
        let type = try runner.run("MATCH (a)-[:cite]->(b) RETURN a")
        #expect(type.table.rows.isEmpty)
        #expect(type.warnings.map(\.message) == ["unknown relationship type :cite: no edge in the graph has it, so it matches nothing (did you mean :cites?)"])
        let mixed = try runner.run("MATCH (a)-[:cites|bogus]->(b:Motion) RETURN a.id")
        #expect(mixed.table.rows.count == 2, "the known type still matches")
        #expect(mixed.warnings.count == 1)
        let property = try runner.run("MATCH (d:Document) RETURN d.titel")
        #expect(property.table.rows.count == 2)
        #expect(property.warnings.map(\.description) == ["1:27: property `titel` is not set on any of the 2 nodes and relationships read (it was null each time)"])
        #expect(try runner.warnings("MATCH (d:Document) RETURN d.title").isEmpty)
        #expect(try runner.warnings("MATCH (q) WHERE q:Vraag RETURN q") == ["unknown label :Vraag: no node in the graph has it, so this matches nothing"])
        #expect(try runner.rows("MATCH (q) WHERE NOT q:Vraag RETURN count(*)") == ["14"])
    }

    static let errors: [(String, String)] = [
        ("MATCH (a) RETURN b", "bind error at 1:18: variable `b` is not defined"),
        ("MATCH (motion) RETURN motoin.id", "bind error at 1:23: variable `motoin` is not defined (did you mean `motion`?)"),
        ("MATCH (a {id: $start}) RETURN a", "bind error at 1:15: parameter $start was not given (pass --param start=VALUE)"),
        ("RETURN lenght('x')", "bind error at 1:8: unknown function lenght() (did you mean length()?)"),
        ("RETURN toLower('a', 'b')", "bind error at 1:8: toLower() takes 1 argument, got 2"),
        ("MATCH (a) WHERE count(a) > 1 RETURN a", "bind error at 1:17: aggregate count() is not allowed in WHERE"),
        ("RETURN count(count(*))", "bind error at 1:14: aggregate count() is not allowed inside another aggregate"),
        ("MATCH (a) WITH a.id RETURN 1", "bind error at 1:16: an expression in WITH needs a name: add AS name"),
        ("MATCH (a)-[r]->(b) MATCH (r)-->() RETURN 1", "bind error at 1:26: variable `r` is a relationship, not a node"),
        ("MATCH (a)-[a]->(b) RETURN 1", "bind error at 1:10: variable `a` is a node, not a relationship"),
        ("MATCH (a)-[r]->(b)-[r]->(c) RETURN 1", "bind error at 1:19: variable `r` is already defined"),
        ("MATCH p = (a) MATCH p = (b) RETURN 1", "bind error at 1:21: variable `p` is already defined"),
        ("MATCH (a) RETURN a.id AS x, a.id AS x", "bind error at 1:29: the column name `x` appears twice in RETURN; rename one with AS"),
        ("MATCH (a) RETURN DISTINCT a.id ORDER BY a.number", "bind error at 1:41: ORDER BY after DISTINCT can only use the RETURN items; `a` is not one"),
        ("MATCH (a) RETURN a.id, count(*) ORDER BY a.number", "bind error at 1:42: ORDER BY after grouping can only use the RETURN items; `a` is not one"),
        ("MATCH (a) RETURN a.id + count(*)", "bind error at 1:18: `a` is neither a grouping key nor inside an aggregate: return it as its own column, or aggregate it"),
        ("MATCH (a) RETURN a LIMIT a.x", "bind error at 1:26: LIMIT takes a number or a parameter, not a variable"),
        ("MATCH p = shortestPath((a)-[*2..]->(b)) RETURN p", "bind error at 1:27: shortestPath(...) needs a lower bound of 0 or 1 hops, got 2"),
        ("MATCH p = shortestPath((a)-->(b)-->(c)) RETURN p", "bind error at 1:7: shortestPath(...) takes a pattern with exactly one relationship"),
        ("MATCH (a)-[*1..20000]->(b) RETURN b", "bind error at 1:10: at most 10000 hops can be asked for, got 20000"),
        ("RETURN *", "bind error at 1:1: RETURN * needs at least one variable in scope"),
        ("RETURN date('2023-02-30')", "bind error at 1:13: date('2023-02-30') is not a calendar date (write date('YYYY-MM-DD'))"),
        ("RETURN exists(1)", "bind error at 1:8: exists() takes a pattern, exists((a)-[:cites]->()), or a property, exists(a.title)"),
        ("RETURN toLower(DISTINCT 'a')", "bind error at 1:8: DISTINCT is only allowed inside an aggregate function (count, collect, ...)"),
        ("UNWIND [1] AS x UNWIND [2] AS x RETURN x", "bind error at 1:17: variable `x` is already defined"),
    ]

    @Test(arguments: errors)
    func mistakesAreErrorsWithPositions(_ query: String, _ message: String) {
        do {
            _ = try runner.run(query)
            Issue.record("no error")
        } catch let error as QueryError {
            #expect(error.description == message)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func errorsRenderWithTheLineAndACaret() {
        let query = "MATCH (motion:Motion)\nRETURN motoin.id"
        do {
            _ = try runner.run(query)
            Issue.record("no error")
        } catch let error as QueryError {
            #expect(error.render(source: query) == "bind error at 2:8: variable `motoin` is not defined (did you mean `motion`?)\nRETURN motoin.id\n       ^^^^^^")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func syntaxErrorsComeThroughTheEngine() {
        #expect(throws: SyntaxError.self) { try runner.run("MATCH (a RETURN a") }
    }

    @Test func anonymousElementsNeverLeakIntoStar() throws {
        let result = try runner.run("MATCH (:Faction)-[:asks]->(q) RETURN *")
        #expect(result.table.columns == ["q"])
    }
}

@Suite struct ComprehensionBindingTests {
    @Test func theVariableIsLocalAndAggregatesStayOutside() throws {
        let runner = Runner(try Fixtures.parliament())
        #expect(try runner.rows("MATCH (d:Document)-[:contains]->(x) RETURN d.id, [t IN collect(x.text) WHERE t CONTAINS 'minister' | size(t)] ORDER BY d.id")
                == ["doc-1 | [22, 27]", "doc-2 | []"])
        #expect(throws: QueryError.undefinedVariable("x", suggestion: nil, at: .init(line: 1, column: 33, offset: 32, length: 1))) {
            try runner.run("WITH [x IN [1] | x] AS l RETURN x")
        }
        #expect(throws: QueryError.self) { try runner.run("UNWIND [1] AS y RETURN [x IN [1] | count(x)]") }
    }
}
