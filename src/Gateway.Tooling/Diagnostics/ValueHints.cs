namespace FunctionGateway.Tooling.Diagnostics;

/// <summary>The near misses behind most issuer and audience failures, put in words.</summary>
internal static class ValueHints
{
    public static string? NearMiss(string actual, IEnumerable<string> expected)
    {
        foreach (var value in expected)
        {
            if (actual.TrimEnd('/') == value.TrimEnd('/'))
            {
                return $"differs from \"{value}\" only by a trailing '/': the comparison is exact";
            }

            if (string.Equals(actual, value, StringComparison.OrdinalIgnoreCase))
            {
                return $"differs from \"{value}\" only in case: the comparison is case-sensitive";
            }

            if (value.EndsWith(actual, StringComparison.Ordinal) || actual.EndsWith(value, StringComparison.Ordinal))
            {
                return $"\"{value}\" and the token's value share an ending (an application ID with and without 'api://'?): accept both forms in the config, or ask for a token of the configured one";
            }
        }

        return null;
    }
}
