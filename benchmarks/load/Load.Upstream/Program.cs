using FunctionGateway.Load;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

// The service behind every proxy of the load run: the same small JSON body for any path.
var app = LoadServer.CreateBuilder(args).Build();
app.Run(static context =>
{
    var response = context.Response;
    response.ContentType = "application/json";
    response.ContentLength = LoadBody.Utf8.Length;
    return response.Body.WriteAsync(LoadBody.Utf8).AsTask();
});
await app.RunAsync();
