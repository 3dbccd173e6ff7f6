using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FunctionGateway.Secrets;
using Microsoft.Extensions.Configuration;

namespace FunctionGateway.Configuration;

/// <summary>
/// Replaces <c>$env.NAME</c>, <c>$secret.NAME</c> and <c>$secrets.NAME</c> in every string value of a
/// config tree. A reference that does not resolve is an issue that names it, never an empty string.
/// </summary>
internal sealed partial class ReferenceResolver(IConfiguration settings, ISecretSource secrets)
{
    /// <summary>A reference in a string value; the schema's <c>reference</c> definition uses the same pattern.</summary>
    internal const string Pattern = @"\$(env|secrets?)\.([A-Za-z0-9_\-]+)";

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex ReferencePattern();

    /// <summary>The references of a config tree, left as written (each with <c>Resolved</c> false).</summary>
    public static IReadOnlyList<ConfigReference> Scan(JsonNode root)
    {
        var references = new List<ConfigReference>();
        foreach (var (value, location, _) in StringValues(root, ""))
        {
            if (!value.Contains('$'))
            {
                continue;
            }

            foreach (Match match in ReferencePattern().Matches(value))
            {
                var kind = match.Groups[1].Value == "env" ? ConfigReferenceKind.Environment : ConfigReferenceKind.Secret;
                references.Add(new ConfigReference(kind, match.Groups[2].Value, location, Resolved: false));
            }
        }

        return references;
    }

    public async Task<ResolvedReferences> ResolveAsync(JsonNode root, List<ConfigIssue> issues, CancellationToken cancellationToken)
    {
        var references = new List<ConfigReference>();
        var redactions = new List<(string Value, string Shown)>();
        var secretCache = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (value, location, replace) in StringValues(root, ""))
        {
            if (!value.Contains('$'))
            {
                continue;
            }

            var matches = ReferencePattern().Matches(value);
            if (matches.Count == 0)
            {
                continue;
            }

            var resolved = new StringBuilder(value.Length);
            // The value as messages may show it: $env resolved, $secret left as the reference.
            var shown = new StringBuilder(value.Length);
            var holdsSecret = false;
            var last = 0;
            var complete = true;
            foreach (Match match in matches)
            {
                var isSecret = match.Groups[1].Value != "env";
                var name = match.Groups[2].Value;
                var found = isSecret
                    ? await ReadSecretAsync(name, match.Value, location, secretCache, issues, cancellationToken)
                    : ReadSetting(name, match.Value, location, issues);
                references.Add(new ConfigReference(isSecret ? ConfigReferenceKind.Secret : ConfigReferenceKind.Environment, name, location, found is not null));
                complete &= found is not null;
                holdsSecret |= isSecret && !string.IsNullOrEmpty(found);
                resolved.Append(value, last, match.Index - last).Append(found);
                shown.Append(value, last, match.Index - last).Append(isSecret ? match.Value : found);
                if (isSecret && !string.IsNullOrEmpty(found))
                {
                    redactions.Add((found, match.Value));
                }

                last = match.Index + match.Length;
            }

            if (complete)
            {
                var text = resolved.Append(value, last, value.Length - last).ToString();
                replace(text);
                if (holdsSecret)
                {
                    redactions.Add((text, shown.Append(value, last, value.Length - last).ToString()));
                }
            }
        }

        return new ResolvedReferences(references, redactions);
    }

    private string? ReadSetting(string name, string reference, string location, List<ConfigIssue> issues)
    {
        var value = settings[name];
        if (value is null)
        {
            issues.Add(new ConfigIssue(location, $"unresolved reference '{reference}': no app setting or environment variable named '{name}'"));
        }

        return value;
    }

    private async Task<string?> ReadSecretAsync(string name, string reference, string location,
        Dictionary<string, string?> cache, List<ConfigIssue> issues, CancellationToken cancellationToken)
    {
        if (!cache.TryGetValue(name, out var value))
        {
            try
            {
                value = await secrets.GetSecretAsync(name, cancellationToken);
            }
            catch (SecretSourceException ex)
            {
                issues.Add(new ConfigIssue(location, $"unresolved reference '{reference}': {ex.Message}"));
                cache[name] = null;
                return null;
            }

            cache[name] = value;
            if (value is null)
            {
                issues.Add(new ConfigIssue(location, $"unresolved reference '{reference}': no secret named '{name}' in {secrets.Name}"));
            }
        }
        else if (value is null)
        {
            issues.Add(new ConfigIssue(location, $"unresolved reference '{reference}': see the first use of this secret"));
        }

        return value;
    }

    /// <summary>Every string value of the tree with its location and a way to replace it.</summary>
    private static IEnumerable<(string Value, string Location, Action<string> Replace)> StringValues(JsonNode node, string location)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    if (child is null)
                    {
                        continue;
                    }

                    var childLocation = ConfigNodeReader.Join(location, key);
                    if (child.GetValueKind() == JsonValueKind.String)
                    {
                        yield return (child.GetValue<string>(), childLocation, v => obj[key] = v);
                    }
                    else
                    {
                        foreach (var item in StringValues(child, childLocation))
                        {
                            yield return item;
                        }
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var child = array[i];
                    var index = i;
                    if (child is null)
                    {
                        continue;
                    }

                    if (child.GetValueKind() == JsonValueKind.String)
                    {
                        yield return (child.GetValue<string>(), $"{location}[{i}]", v => array[index] = v);
                    }
                    else
                    {
                        foreach (var item in StringValues(child, $"{location}[{i}]"))
                        {
                            yield return item;
                        }
                    }
                }

                break;
        }
    }
}
