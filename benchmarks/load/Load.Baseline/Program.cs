using FunctionGateway.Load;
using FunctionGateway.Load.Baseline;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

// The setup a .NET team would reach for instead of the gateway: YARP's reverse proxy, and with
// '--auth jwt' ASP.NET Core's JwtBearer authentication checking every request's token.
var upstream = LoadServer.Argument(args, "--upstream") ?? throw new ArgumentException("--upstream <url> is required.");
var withJwt = (LoadServer.Argument(args, "--auth") ?? "none") switch
{
    "jwt" => true,
    "none" => false,
    var other => throw new ArgumentException($"--auth must be 'jwt' or 'none', not '{other}'."),
};

var builder = LoadServer.CreateBuilder(args);
builder.Services.AddReverseProxy().LoadFromMemory([ProxyRoutes.Route(withJwt)], [ProxyRoutes.Cluster(upstream)]);
if (withJwt)
{
    BaselineJwt.Add(builder.Services, args);
}

var app = builder.Build();
if (withJwt)
{
    app.UseAuthentication();
    app.UseAuthorization();
}

app.MapReverseProxy();
await app.RunAsync();
