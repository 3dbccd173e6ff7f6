using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace FunctionGateway.Hosting;

/// <summary>Puts the status endpoint in front of whatever pipeline the host builds, so both hosts get it from one registration.</summary>
internal sealed class GatewayStatusStartupFilter(string path) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<GatewayStatusMiddleware>(new PathString(path));
        next(app);
    };
}
