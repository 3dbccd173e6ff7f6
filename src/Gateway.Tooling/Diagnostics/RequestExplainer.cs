using FunctionGateway.Engine;
using FunctionGateway.Errors;
using FunctionGateway.Tooling.Inspection;
using FunctionGateway.Model;

namespace FunctionGateway.Tooling.Diagnostics;

/// <summary>
/// Explains what the gateway does with one request. The verdict is the engine's: the request goes through
/// <see cref="GatewayEngine.MatchAsync"/> and <see cref="GatewayEngine.AuthorizeAsync"/> on the runtime a request
/// would use. The near misses and the check-by-check breakdown are diagnostics on top, and any place where they
/// disagree with the engine is reported rather than hidden.
/// </summary>
public static class RequestExplainer
{
    public static async Task<Explanation> ExplainAsync(GatewayRuntime runtime, ExplainContext context, ExplainRequest request,
        DateTimeOffset clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(request);
        var notes = new List<string>();
        var path = request.Path.Split('?')[0];
        string? placement = null;
        if (request.Token is { } token)
        {
            var target = runtime.Routes.Match(request.Method, path.Length == 0 ? "/" : path)?.Route;
            if (target?.Authorizer is { } routeAuthorizer)
            {
                request = TokenPlacement.Place(request, routeAuthorizer.Authorizers[0].Sources[0], token, out placement);
            }
            else
            {
                notes.Add(target is null ? "the token was not sent: no route matches the request" : "the token was not sent: the route is public");
            }
        }

        var http = EngineProbe.CreateContext(request);
        var answer = await EngineProbe.RunAsync(runtime, http);
        var route = http.Features.Get<GatewayRequestFeature>()?.Match?.Route;

        var reports = new List<AuthorizerReport>();
        IReadOnlyList<CheckResult> claimRules = [];
        if (route?.Authorizer is { } authorizers)
        {
            foreach (var authorizer in authorizers.Authorizers)
            {
                reports.Add(await AuthorizerDiagnosis.RunAsync(authorizer, http.Request, context, cancellationToken));
            }

            var claims = (reports.FirstOrDefault(r => r.TokenClaims is not null && r.Predicted is null) ?? reports.FirstOrDefault(r => r.TokenClaims is not null))?.TokenClaims;
            if (authorizers.Rules is { } rules && claims is { } payload)
            {
                claimRules = ClaimRuleDiagnosis.Check(rules, payload);
            }
        }

        var tokenClaims = reports.FirstOrDefault(r => r.TokenClaims is not null)?.TokenClaims;
        var (verdict, exact) = Decide(answer, reports, route?.Authorizer?.Rules, notes);
        return new Explanation
        {
            Request = request with { Token = null },
            Clock = clock,
            Route = route?.ToString(),
            RouteIndex = route?.Index,
            RouteAuthorizers = route?.Authorizer is { } a ? [.. a.Authorizers.Select(x => x.Name)] : null,
            Integration = route is null ? null : RouteDescription.Target(route.Config, runtime.Config),
            RateLimits = route is null ? [] : RateLimitDiagnosis.Describe(route, http, tokenClaims),
            NearMisses = RouteDiagnosis.NearMisses(runtime, request.Method, path.Length == 0 ? "/" : path, route),
            TokenPlacement = placement,
            Authorizers = reports,
            ClaimRules = claimRules,
            Answer = answer,
            Verdict = verdict,
            AnswerIsExact = exact,
            Disagreements = exact ? Disagreements(answer, reports, claimRules, route is not null) : [],
            Notes = notes,
        };
    }

    private static (ExplainVerdict, bool Exact) Decide(EngineAnswer answer, List<AuthorizerReport> reports,
        Authorization.ClaimRuleSet? rules, List<string> notes)
    {
        if (answer is { PassedThrough: false, Error: null, Status: 204 })
        {
            notes.Add("the gateway answers this request itself as a CORS preflight, before any token is asked for");
        }

        var verdict = answer.PassedThrough || answer is { Error: null, Status: 204 } ? ExplainVerdict.Allowed : ExplainVerdict.Refused;
        var offline = reports.Where(r => r.KeysNotFetched).ToList();
        if (offline.Count == 0)
        {
            return (verdict, true);
        }

        // An offline authorizer whose runnable checks all pass might accept the token: then only its keys decide.
        var accepting = reports.FindIndex(r => r.EngineError is null);
        var open = offline.Where(r => r.Predicted is null && !(rules is not null && r.TokenClaims is { } c && !rules.TryCheck(c, out _))
            && (accepting < 0 || reports.IndexOf(r) < accepting)).ToList();
        if (open.Count > 0)
        {
            notes.Add($"offline: the verdict depends on the key and signature checks of {string.Join(", ", open.Select(r => $"'{r.Name}'"))}, which did not run; run without --offline to fetch the keys");
            return (ExplainVerdict.Undetermined, false);
        }

        var exact = !ReferenceEquals(answer.Error, GatewayErrors.JwksInvalid) || !offline.Any(r => ReferenceEquals(r.EngineError, GatewayErrors.JwksInvalid));
        if (!exact)
        {
            var first = offline.Select(r => r.Predicted).FirstOrDefault(p => p is not null) ?? GatewayErrors.InsufficientScope;
            notes.Add($"offline: refused for sure; the gateway answers {first.Status} {first.Code} unless the signature check, which did not run, fails first");
        }

        return (verdict, exact);
    }

    private static List<string> Disagreements(EngineAnswer answer, List<AuthorizerReport> reports, IReadOnlyList<CheckResult> claimRules, bool matched)
    {
        var found = reports.Select(AuthorizerDiagnosis.Disagreement).OfType<string>().ToList();
        if (!matched || reports.Count == 0 || reports.Any(r => r.AnyNotRun && r.Predicted is null))
        {
            return found;
        }

        // As RouteAuthorizer decides: the first authorizer that accepts, then the claim rules; else the first one that found a token.
        var accepted = reports.Any(r => r.Predicted is null);
        var predicted = accepted
            ? claimRules.Any(c => c.Error is not null) ? GatewayErrors.InsufficientScope : null
            : (reports.FirstOrDefault(r => r.Checks[0].Status == CheckStatus.Passed) ?? reports[0]).Predicted;
        if (!ReferenceEquals(predicted, answer.Error) && found.Count == 0)
        {
            found.Add($"the checks below predict {(predicted is null ? "acceptance" : $"{predicted.Status} {predicted.Code}")}, but the engine answered {(answer.Error is null ? "acceptance" : $"{answer.Error.Status} {answer.Error.Code}")}");
        }

        return found;
    }
}
