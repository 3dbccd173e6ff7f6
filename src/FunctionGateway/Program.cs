using FunctionGateway.Functions;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using FunctionGateway.Configuration;

var builder = FunctionsApplication.CreateBuilder(args);

// ASP.NET Core integration hands the worker's own HttpContext to middleware and function, so the engine
// reads the request and writes the response itself. Its proxying middleware is registered here, before ours,
// which is what makes GetHttpContext() available to ours.
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<MatchAndAuthorizeMiddleware>();

builder.AddGatewayTelemetry();
builder.Services.Configure<GatewayHostOptions>(o =>
{
    o.Kind = GatewayHostKind.AzureFunctions;
    o.ConfigBaseDirectory = ConfigBaseDirectory.For(AppContext.BaseDirectory);
});
// No "Server: Kestrel" from the worker's own server on the gateway's answers.
builder.Services.Configure<KestrelServerOptions>(o => o.AddServerHeader = false);
builder.Services.AddGatewayEngine();
// Bad Gateway:* settings do not stop the app (no ValidateOnStart): it starts and answers 503 naming each of them.
builder.Services.AddGatewayConfigSources(builder.Configuration);
// Rate limit counters shared by every instance when Gateway:RateLimit:Redis is set; an Azure Redis host name is signed in to
// with the credential AddGatewayConfigSources registers (the app's identity).
builder.Services.AddGatewayRedisRateLimits(builder.Configuration);

builder.Build().Run();
