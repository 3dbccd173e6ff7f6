using FunctionGateway.Configuration;
using FunctionGateway.Cors;
using Microsoft.AspNetCore.Http;

namespace FunctionGateway.Tests.Cors;

public class CorsPolicyTests
{
    private static CorsPolicy Policy(bool credentials = false, params string[] origins) => new(new CorsConfig
    {
        AllowOrigins = origins,
        AllowMethods = ["GET", "POST"],
        AllowHeaders = ["Authorization"],
        ExposeHeaders = ["X-Request-Id"],
        AllowCredentials = credentials,
        MaxAge = 600,
    });

    private static HttpRequest Request(string method, string? origin, string? requestMethod = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        if (origin is not null)
        {
            context.Request.Headers.Origin = origin;
        }

        if (requestMethod is not null)
        {
            context.Request.Headers.AccessControlRequestMethod = requestMethod;
        }

        return context.Request;
    }

    [Theory]
    [InlineData("https://app.example.com", "https://app.example.com", "https://app.example.com")]
    [InlineData("https://app.example.com", "https://evil.example.com", null)]
    [InlineData("https://*.example.org", "https://a.example.org", "https://a.example.org")]
    [InlineData("https://*.example.org", "https://a.b.example.org", "https://a.b.example.org")]
    [InlineData("https://*.example.org", "https://evil-example.org", null)]
    [InlineData("https://*.example.org", "http://a.example.org", null)]
    [InlineData("*", "https://anything.test", "*")]
    [InlineData("https://*.example.org", "https://.example.org", null)]
    [InlineData("https://*.example.org", "https://evil.com/.example.org", null)]
    [InlineData("https://*.example.org", "https://evil.com#.example.org", null)]
    [InlineData("https://*.example.org", "https://evil.com?.example.org", null)]
    [InlineData("https://*.example.org", "https://<svg>.example.org", null)]
    [InlineData("https://*.example.org", "https://user@a.example.org", null)]
    [InlineData("https://*.example.org", "https://a..example.org", null)]
    [InlineData("https://*.example.org", "https://a_b.example.org", null)]
    [InlineData("https://*.example.org", "https://a.example.org/", null)]
    [InlineData("https://*.example.org", "https://a.example.org:8443", null)]
    [InlineData("https://*.example.org", "https://xn--bcher-kva.example.org", "https://xn--bcher-kva.example.org")]
    [InlineData("https://*.example.org:*", "https://a.example.org:8443", "https://a.example.org:8443")]
    [InlineData("http://localhost:*", "http://localhost:3000", "http://localhost:3000")]
    [InlineData("http://localhost:*", "http://localhost:3000.evil.test", null)]
    [InlineData("https://*.example.org", "https://a.example.org, https://evil.test", null)]
    [InlineData("https://app.example.com", "https://app.example.com/", null)]
    [InlineData("*", "null", "*")]
    [InlineData("*", "https://evil.test/path", null)]
    [InlineData("*", "javascript:alert(1)", null)]
    [InlineData("*", "https://[::1]:8080", "*")]
    public void Evaluate_Origin_AllowsOnlyMatches(string allowed, string origin, string? expected)
    {
        var result = Policy(false, allowed).Evaluate(Request("GET", origin));

        Assert.Equal(expected, result.AllowOrigin);
    }

    [Fact]
    public void Evaluate_StarWithCredentials_EchoesOrigin()
    {
        var result = Policy(true, "*").Evaluate(Request("GET", "https://app.test"));

        Assert.Equal("https://app.test", result.AllowOrigin);
    }

    [Fact]
    public void Evaluate_NoOriginHeader_AllowsNothing()
    {
        Assert.Null(Policy(false, "*").Evaluate(Request("GET", null)).AllowOrigin);
    }

    [Fact]
    public void Apply_Preflight_WritesPreflightHeaders()
    {
        var policy = Policy(true, "https://app.test");
        IHeaderDictionary headers = new HeaderDictionary();

        policy.Apply(policy.Evaluate(Request("OPTIONS", "https://app.test", "POST")), headers);

        Assert.Equal("https://app.test", headers.AccessControlAllowOrigin);
        Assert.Equal("true", headers.AccessControlAllowCredentials);
        Assert.Equal("GET,POST", headers.AccessControlAllowMethods);
        Assert.Equal("Authorization", headers.AccessControlAllowHeaders);
        Assert.Equal("600", headers.AccessControlMaxAge);
        Assert.Equal("Origin", headers.Vary);
    }

    [Fact]
    public void Apply_ActualRequest_ExposesHeadersOnly()
    {
        var policy = Policy(false, "https://app.test");
        IHeaderDictionary headers = new HeaderDictionary();

        policy.Apply(policy.Evaluate(Request("GET", "https://app.test")), headers);

        Assert.Equal("X-Request-Id,WWW-Authenticate", headers.AccessControlExposeHeaders);
        Assert.False(headers.ContainsKey("Access-Control-Allow-Methods"));
        Assert.False(headers.ContainsKey("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public void Apply_DisallowedOrigin_WritesNoAllowOrigin()
    {
        var policy = Policy(false, "https://app.test");
        IHeaderDictionary headers = new HeaderDictionary();

        policy.Apply(policy.Evaluate(Request("GET", "https://evil.test")), headers);

        Assert.False(headers.ContainsKey("Access-Control-Allow-Origin"));
        Assert.Equal("Origin", headers.Vary);
    }

    [Theory]
    [InlineData("OPTIONS", "https://app.test", "GET", true)]
    [InlineData("OPTIONS", "https://app.test", null, false)]
    [InlineData("OPTIONS", null, "GET", false)]
    [InlineData("OPTIONS", null, null, false)]
    [InlineData("GET", "https://app.test", "GET", false)]
    public void Evaluate_Preflight_NeedsOptionsOriginAndRequestMethod(string method, string? origin, string? requestMethod, bool expected)
    {
        Assert.Equal(expected, Policy(false, "https://app.test").Evaluate(Request(method, origin, requestMethod)).IsPreflight);
    }

    [Fact]
    public void Apply_NoExposeHeadersConfigured_StillExposesWwwAuthenticate()
    {
        var policy = new CorsPolicy(new CorsConfig { AllowOrigins = ["https://app.test"] });
        IHeaderDictionary headers = new HeaderDictionary();

        policy.Apply(policy.Evaluate(Request("GET", "https://app.test")), headers);

        Assert.Equal("WWW-Authenticate", headers.AccessControlExposeHeaders);
    }

    [Fact]
    public void Apply_WwwAuthenticateAlreadyConfigured_ListedOnce()
    {
        var policy = new CorsPolicy(new CorsConfig { AllowOrigins = ["https://app.test"], ExposeHeaders = ["www-authenticate", "X-Id"] });
        IHeaderDictionary headers = new HeaderDictionary();

        policy.Apply(policy.Evaluate(Request("GET", "https://app.test")), headers);

        Assert.Equal("www-authenticate,X-Id", headers.AccessControlExposeHeaders);
    }
}
