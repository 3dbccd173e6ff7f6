using FunctionGateway.Configuration;

namespace FunctionGateway.Tooling.Inspection;

/// <summary>
/// Compares the default and named authorizers field by field. A secret or an inline JWKS is reported as changed,
/// never shown. Changes that accept more tokens (any issuer or audience, tokens without <c>exp</c>) start with <c>!!</c>.
/// </summary>
internal static class AuthorizerDiff
{
    public static List<string> Compare(GatewayConfig before, GatewayConfig after)
    {
        var changes = new List<string>();
        var old = All(before);
        var now = All(after);
        foreach (var (name, authorizer) in now)
        {
            if (!old.TryGetValue(name, out var was))
            {
                changes.Add($"+ {name}");
                continue;
            }

            Field(changes, name, "type", was.Type, authorizer.Type);
            Field(changes, name, "algorithms", string.Join(", ", was.Algorithms), string.Join(", ", authorizer.Algorithms));
            Hidden(changes, name, "secret", was.Secret, authorizer.Secret);
            Hidden(changes, name, "jwks", was.Jwks, authorizer.Jwks);
            Field(changes, name, "jwks_uri", was.JwksUri, authorizer.JwksUri);
            Field(changes, name, "openid_configuration_uri", was.OpenIdConfigurationUri, authorizer.OpenIdConfigurationUri);
            Accepting(changes, name, "issuer", was.Issuers, authorizer.Issuers);
            Accepting(changes, name, "audience", was.Audiences, authorizer.Audiences);
            Field(changes, name, "subject", was.Subject, authorizer.Subject);
            if (was.RequireExpiration != authorizer.RequireExpiration)
            {
                changes.Add(authorizer.RequireExpiration
                    ? $"~ {name}: require_expiration false -> true"
                    : $"!! {name}: require_expiration true -> false: tokens without 'exp' never expire");
            }

            Field(changes, name, "max_lifetime_seconds", Number(was.MaxLifetimeSeconds), Number(authorizer.MaxLifetimeSeconds));
            Field(changes, name, "clock_skew_seconds", Number(was.ClockSkewSeconds), Number(authorizer.ClockSkewSeconds));
            Field(changes, name, "token_sources", Sources(was), Sources(authorizer));
        }

        changes.AddRange(old.Keys.Where(n => !now.ContainsKey(n)).Select(n => $"- {n}"));
        return changes;
    }

    private static Dictionary<string, AuthorizerConfig> All(GatewayConfig config)
    {
        var all = new Dictionary<string, AuthorizerConfig>(StringComparer.Ordinal);
        if (config.Authorizer is { } main)
        {
            all["authorizer (default)"] = main;
        }

        foreach (var named in config.Authorizers)
        {
            all.TryAdd(named.Name!, named);
        }

        return all;
    }

    private static void Field(List<string> changes, string name, string key, string? was, string? now)
    {
        if (was != now)
        {
            changes.Add($"~ {name}: {key} {was ?? "(none)"} -> {now ?? "(none)"}");
        }
    }

    private static void Hidden(List<string> changes, string name, string key, string? was, string? now)
    {
        if (was != now)
        {
            changes.Add($"~ {name}: {key} {(was is null ? "added" : now is null ? "removed" : "changed")}");
        }
    }

    private static void Accepting(List<string> changes, string name, string key, IReadOnlyList<string> was, IReadOnlyList<string> now)
    {
        if (was.SequenceEqual(now, StringComparer.Ordinal))
        {
            return;
        }

        // An empty list accepts any value: emptying it, or adding a value to a non-empty one, accepts more tokens.
        var widened = was.Count > 0 && (now.Count == 0 || now.Except(was, StringComparer.Ordinal).Any());
        var text = $"{name}: {key} {List(was)} -> {List(now)}";
        changes.Add(widened ? $"!! {text}: accepts tokens it refused before" : $"~ {text}");
    }

    private static string List(IReadOnlyList<string> values) => values.Count == 0 ? "(any)" : string.Join(", ", values);

    private static string? Number(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Sources(AuthorizerConfig authorizer) => authorizer.TokenSources.Count == 0
        ? "Authorization: Bearer"
        : string.Join(", ", authorizer.TokenSources.Select(s =>
            s.Header is not null ? $"header {s.Header}" : s.Query is not null ? $"query {s.Query}" : $"cookie {s.Cookie}"));
}
