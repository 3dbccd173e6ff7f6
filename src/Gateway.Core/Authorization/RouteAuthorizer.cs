using FunctionGateway.Errors;
using Microsoft.AspNetCore.Http;

namespace FunctionGateway.Authorization;

/// <summary>
/// A route's authorization: a token accepted by any one of its authorizers, then its claim rules, which are
/// checked on every request (the token cache is per authorizer, the rules are per route).
/// </summary>
public sealed class RouteAuthorizer(IReadOnlyList<JwtAuthorizer> authorizers, ClaimRuleSet? rules)
{
    public IReadOnlyList<JwtAuthorizer> Authorizers => authorizers;

    public ClaimRuleSet? Rules => rules;

    public async ValueTask<AuthorizationOutcome> AuthorizeAsync(HttpRequest request)
    {
        var outcome = await AuthenticateAsync(request);
        if (!outcome.Succeeded || rules is null)
        {
            return outcome;
        }

        return rules.TryCheck(outcome.Claims!.Value, out var reason)
            ? outcome
            : AuthorizationOutcome.Failure(GatewayErrors.InsufficientScope, reason!);
    }

    private async ValueTask<AuthorizationOutcome> AuthenticateAsync(HttpRequest request)
    {
        if (authorizers.Count == 1)
        {
            return await authorizers[0].AuthorizeAsync(request);
        }

        var failures = new List<(JwtAuthorizer Authorizer, AuthorizationOutcome Outcome)>(authorizers.Count);
        foreach (var authorizer in authorizers)
        {
            var outcome = await authorizer.AuthorizeAsync(request);
            if (outcome.Succeeded)
            {
                return outcome;
            }

            failures.Add((authorizer, outcome));
        }

        // The client sees the code of the first authorizer that found a token; the operator sees every reason.
        var (_, first) = failures.Find(f => f.Outcome.TokenPresented) is { Outcome: not null } presented ? presented : failures[0];
        var reasons = string.Join("; ", failures.Select(f => $"{f.Authorizer.Name}: {f.Outcome.Reason}"));
        return AuthorizationOutcome.Failure(first.Error!, reasons, first.TokenPresented);
    }
}
