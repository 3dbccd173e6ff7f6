using FunctionGateway.Cli.Serve;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;

namespace FunctionGateway.Cli.Tests.Serve;

public class StandaloneGatewayTests
{
    [Fact]
    public async Task Build_AppSettings_AreReadButNotWatched()
    {
        List<JsonConfigurationSource> sources = [];

        await using var app = StandaloneGateway.Build(["http://127.0.0.1:0"],
            configure: builder => sources = [.. ((IConfigurationBuilder)builder.Configuration).Sources.OfType<JsonConfigurationSource>()]);

        // Watching appsettings.json watches the working folder and all below it: seconds from '/', before the first answer.
        Assert.Contains(sources, s => s.Path == "appsettings.json");
        Assert.All(sources, s => Assert.False(s.ReloadOnChange, $"{s.Path} is watched"));
    }
}
