using System.Net;
using FunctionGateway.Load;
using FunctionGateway.Load.BareProxy;
using Microsoft.AspNetCore.Builder;

// The least a reverse proxy can do on Kestrel and SocketsHttpHandler: forward the request as it came (minus
// hop-by-hop headers, plus X-Forwarded-*) and copy the answer back. No routing, no transforms, no timeouts,
// no auth. It is not a product: it is the floor under every .NET proxy of the run, the gateway's and YARP's.
var upstream = LoadServer.Argument(args, "--upstream") ?? throw new ArgumentException("--upstream <url> is required.");
using var invoker = new HttpMessageInvoker(new SocketsHttpHandler
{
    UseProxy = false,
    AllowAutoRedirect = false,
    AutomaticDecompression = DecompressionMethods.None,
    UseCookies = false,
});

var app = LoadServer.CreateBuilder(args).Build();
var forwarder = new BareForwarder(invoker, new Uri(upstream));
app.Run(forwarder.ForwardAsync);
await app.RunAsync();
