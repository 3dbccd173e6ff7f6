namespace FunctionGateway.Configuration;

/// <summary>
/// What resolving a config's <c>$env</c>/<c>$secret</c> references found, and what that means for the issues
/// found after it. A value whose reference did not resolve still holds the reference's text, so any check of it
/// would measure that text: the reference's own error is the one to report. A value that came from a
/// <c>$secret</c> is shown as the reference in every message, whichever rule wrote it: messages reach the log,
/// the status endpoint and the console.
/// </summary>
internal sealed class ResolvedReferences
{
    private readonly HashSet<string> _unresolved;
    private readonly (string Value, string Shown)[] _redactions;

    /// <param name="references">Every reference found.</param>
    /// <param name="redactions">
    /// Each resolved string that holds a secret with the same string showing the reference instead, and each
    /// secret value with its reference.
    /// </param>
    public ResolvedReferences(IReadOnlyList<ConfigReference> references, IEnumerable<(string Value, string Shown)> redactions)
    {
        References = references;
        _unresolved = references.Where(r => !r.Resolved).Select(r => r.Location).ToHashSet(StringComparer.Ordinal);
        // Longest first: a whole resolved string is replaced before the secret inside it, so the message keeps its shape.
        _redactions = [.. redactions.DistinctBy(r => r.Value).OrderByDescending(r => r.Value.Length)];
    }

    public IReadOnlyList<ConfigReference> References { get; }

    /// <summary>
    /// Drops the issues, from <paramref name="first"/> on, about a value whose reference did not resolve, and
    /// shows every secret in every issue as its reference.
    /// </summary>
    public void Screen(List<ConfigIssue> issues, int first)
    {
        for (var i = issues.Count - 1; i >= 0; i--)
        {
            if (i >= first && _unresolved.Contains(issues[i].Location))
            {
                issues.RemoveAt(i);
            }
            else
            {
                issues[i] = Redact(issues[i]);
            }
        }
    }

    private ConfigIssue Redact(ConfigIssue issue)
    {
        var message = issue.Message;
        foreach (var (value, shown) in _redactions)
        {
            message = message.Replace(value, shown, StringComparison.Ordinal);
        }

        return message == issue.Message ? issue : issue with { Message = message };
    }
}
