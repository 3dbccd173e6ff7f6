using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

// What the gateway's Function App competes with under the same host: an app with one function answering the
// static route's bytes, with the same ASP.NET Core integration and nothing else.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Build().Run();
