using FunctionGateway.Inspection;
using FunctionGateway.Routing;

namespace FunctionGateway.Configuration.Validation;

/// <summary>
/// Warns, once per wildcard route, when it is declared before narrower routes that take part of its requests
/// (<c>ANY /api/{.+}</c> first, <c>GET /api/{id}</c> later). The gateway picks the narrower route wherever it is
/// declared; a reader who expects the first route in <c>paths</c> to win would misread the file. Declaring the
/// wildcard after them silences the warning without changing what is served.
/// </summary>
internal sealed class WildcardOrderRule : ILintRule
{
    private const int Listed = 3;

    public void Check(GatewayConfig config, List<ConfigIssue> issues)
    {
        var priority = RoutePriority.Of(config);
        foreach (var wildcard in priority.Routes.Where(r => r.Template.HasWildcard))
        {
            // The cheap tests first: with thousands of wildcard routes this runs for every pair of routes.
            var later = priority.Routes
                .Where(r => r.Index > wildcard.Index
                    && r.Template.Segments.Count >= wildcard.Template.Segments.Count
                    && TemplateOverlap.MethodsOverlap(r.Method, wildcard.Method)
                    && r.Template.Shape != wildcard.Template.Shape
                    && TemplateOverlap.Covers(wildcard.Template, r.Template)
                    && priority.RankOf(r) < priority.RankOf(wildcard))
                .ToList();
            if (later.Count == 0)
            {
                continue;
            }

            var named = string.Join(", ", later.Take(Listed).Select(r => r.Described))
                + (later.Count > Listed ? $" and {later.Count - Listed} more" : "");
            issues.Add(new ConfigIssue(wildcard.Location,
                $"{wildcard} is declared before {named}, which {(later.Count == 1 ? "takes the requests it matches" : "take the requests they match")} " +
                "from it: a narrower route wins wherever it is declared, not the first one in 'paths'; " +
                "declare the wildcard after them so the file reads in the order routes are tried",
                ConfigSeverity.Warning));
        }
    }
}
