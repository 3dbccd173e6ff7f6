using System.Text;
using FunctionGateway.Authorization;
using FunctionGateway.Engine;
using FunctionGateway.Errors;
using FunctionGateway.Tests.Support;

namespace FunctionGateway.Tests.Errors;

/// <summary>
/// docs/errors.md's table is checked against <see cref="GatewayErrors.All"/> row by row, so the reference cannot
/// drift from the code. On a difference the message gives the row as it should read, ready to paste.
/// </summary>
public class ErrorsDocTests
{
    private const string TableHeader = "| Status | Code | Body | WWW-Authenticate | Cause | First check |";

    [Fact]
    public void ErrorsDoc_Table_MatchesGatewayErrorsRowByRow()
    {
        var rows = DocRows();
        var expected = GatewayErrors.All.Select(ExpectedRow).ToList();

        Assert.True(rows.Count == expected.Count,
            $"docs/errors.md has {rows.Count} error rows, GatewayErrors.All has {expected.Count}. The table should read:\n{TableHeader}\n{string.Join('\n', expected)}");
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(rows[i] == expected[i],
                $"docs/errors.md error row {i + 1} ({GatewayErrors.All[i].Code}) differs from GatewayErrors.All[{i}].\n  doc:  {rows[i]}\n  code: {expected[i]}");
        }
    }

    /// <summary>The row as the doc writes it: the exact body and challenge the gateway sends.</summary>
    internal static string ExpectedRow(GatewayError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var body = Encoding.UTF8.GetString(error.Body.Span);
        // The status endpoint's key is not a bearer token: its 401 carries no challenge.
        var challenge = error.Status is 401 or 403 && !ReferenceEquals(error, GatewayErrors.StatusKeyRequired)
            ? $"`{Challenge.Bearer(AuthorizationOutcome.Failure(error, "<reason>", tokenPresented: !ReferenceEquals(error, GatewayErrors.TokenMissing)))}`"
            : "none";
        return $"| {error.Status} | `{error.Code}` | `{body}` | {challenge} | {error.Cause} | {error.FirstCheck} |";
    }

    private static List<string> DocRows()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "docs", "errors.md"));
        var start = Array.IndexOf(lines, TableHeader);
        Assert.True(start >= 0, $"docs/errors.md has no table starting with the line '{TableHeader}'");
        return [.. lines.Skip(start + 2).TakeWhile(l => l.StartsWith('|')).Select(l => l.Trim())];
    }
}
