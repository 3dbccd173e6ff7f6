namespace FunctionGateway.Configuration;

/// <summary>
/// What resolving a config's <c>$env</c>/<c>$secret</c> references found, and what that means for the issues
/// found after it: a value whose reference did not resolve still holds the reference's text, so any check
/// of it would measure that text; the reference's own error is the one to report.
/// </summary>
internal sealed class ResolvedReferences(IReadOnlyList<ConfigReference> references)
{
    public IReadOnlyList<ConfigReference> References => references;

    /// <summary>Drops the issues, from <paramref name="first"/> on, about a value whose reference did not resolve.</summary>
    public void Screen(List<ConfigIssue> issues, int first)
    {
        var unresolved = references.Where(r => !r.Resolved).Select(r => r.Location).ToHashSet(StringComparer.Ordinal);
        if (unresolved.Count == 0)
        {
            return;
        }

        for (var i = issues.Count - 1; i >= first; i--)
        {
            if (unresolved.Contains(issues[i].Location))
            {
                issues.RemoveAt(i);
            }
        }
    }
}
