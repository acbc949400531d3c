namespace Smooth.Cli.Demo;

/// <summary>
/// The demo's throwaway project (a tiny shell calculator with one wrong function and its test suite) and the script the
/// scripted model replays to fix it. Shell only, so the demo needs nothing beyond what install.sh installs.
/// </summary>
internal static class DemoProject
{
    public const string PearlTitle = "Fix the failing calculator tests";

    public const string PearlDescription = """
        The calculator's test suite fails. Find the bug in calc.sh and fix it without changing the tests.

        test: bash test.sh
        """;

    public static readonly IReadOnlyDictionary<string, string> Files = new Dictionary<string, string>
    {
        ["README.md"] = "# calc\n\nA tiny calculator in bash. Run the tests with `bash test.sh`.\n",
        ["calc.sh"] = """
            #!/usr/bin/env bash
            # A tiny calculator: source this file and call add or mul.
            add() { echo $(( $1 - $2 )); }
            mul() { echo $(( $1 * $2 )); }

            """,
        ["test.sh"] = """
            #!/usr/bin/env bash
            # The calculator's tests; prints "N passed, M failed" like most runners do.
            source "$(dirname "$0")/calc.sh"
            passed=0; failed=0
            check() { if [ "$2" = "$3" ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL $1: expected $3, got $2"; fi; }
            check "add 2 3" "$(add 2 3)" 5
            check "mul 4 5" "$(mul 4 5)" 20
            echo "$passed passed, $failed failed"
            [ "$failed" -eq 0 ]

            """,
    };

    /// <summary>The scripted model's turns (docs/scripted-model.md). It checks what it is sent, like a strict reviewer.</summary>
    public const string Script = """
        name: smooth-demo (a scripted model, not a real one)
        turns:
          - expect: {last_user_matches: "1 failing", tools_include: [read_file, edit_file, bash]}
            respond:
              content: "The tests fail on add. Let me read the tests and the calculator."
              tool_calls:
                - {name: read_file, arguments: {path: test.sh}}
                - {name: read_file, arguments: {path: calc.sh}}
          - expect: {last_tool_result_contains: "add()"}
            respond:
              content: "add() subtracts instead of adding. Fixing it."
              tool_calls:
                - {name: edit_file, arguments: {path: calc.sh, old: "add() { echo $(( $1 - $2 )); }", new: "add() { echo $(( $1 + $2 )); }"}}
          - expect: {last_tool_result_contains: "1 replacement"}
            respond:
              content: "Running the tests."
              tool_calls:
                - {name: bash, arguments: {command: "bash test.sh"}}
          - expect: {last_tool_result_contains: "2 passed, 0 failed"}
            respond:
              content: "Fixed add() in calc.sh: it subtracted its arguments instead of adding them. Both tests pass now."
        """;
}
