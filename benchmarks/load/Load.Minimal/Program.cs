using FunctionGateway.Load;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

// What a static gateway route competes with: a minimal API endpoint answering the same bytes.
var app = LoadServer.CreateBuilder(args).Build();
app.MapGet("/static", static () => Results.Bytes(LoadBody.Utf8, "application/json"));
await app.RunAsync();
