using System.Text.Json;
using FunctionGateway.Configuration;

namespace FunctionGateway.Authorization;

/// <summary>
/// A claim that must hold one of a list of values. A string matches if it equals a value (for <c>scope</c> and
/// <c>scp</c>, if any of its space-separated items does); an array if any element does; numbers and booleans by
/// their JSON text; objects and null never.
/// </summary>
public sealed class ClaimRule(ClaimRuleConfig config)
{
    private readonly HashSet<string> _values = new(config.Values, StringComparer.Ordinal);
    private readonly bool _spaceSeparated = config.Claim is "scope" or "scp";

    public string Claim => config.Claim;

    public bool Matches(JsonElement claims)
    {
        if (!claims.TryGetProperty(config.Claim, out var value))
        {
            return false;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return _spaceSeparated ? AnyScope(value.GetString()!) : _values.Contains(value.GetString()!);
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            return MatchesScalar(value);
        }

        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String ? _values.Contains(item.GetString()!) : MatchesScalar(item))
            {
                return true;
            }
        }

        return false;
    }

    public override string ToString() => $"'{config.Claim}' with one of [{string.Join(", ", config.Values)}]";

    private bool MatchesScalar(JsonElement value) =>
        value.ValueKind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False && _values.Contains(value.GetRawText());

    private bool AnyScope(string scopes)
    {
        foreach (var range in scopes.AsSpan().Split(' '))
        {
            var item = scopes.AsSpan()[range];
            if (!item.IsEmpty && _values.GetAlternateLookup<ReadOnlySpan<char>>().Contains(item))
            {
                return true;
            }
        }

        return false;
    }
}
