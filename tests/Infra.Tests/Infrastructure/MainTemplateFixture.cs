using System.Text.Json;

namespace FunctionGateway.Infra.Tests.Infrastructure;

/// <summary>Compiles main.bicep once for every test that inspects the resulting ARM JSON.</summary>
public sealed class MainTemplateFixture : IAsyncLifetime
{
    private JsonDocument? _document;

    internal ArmTemplate Template { get; private set; } = null!;

    /// <summary>The compiled JSON as text, for checks that must hold anywhere in the template.</summary>
    internal string Json { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var result = await BicepCli.BuildAsync(BicepPaths.MainTemplate);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"main.bicep did not compile: {result}");
        }

        Json = result.StdOut;
        _document = JsonDocument.Parse(Json);
        Template = new ArmTemplate(_document.RootElement);
    }

    public Task DisposeAsync()
    {
        _document?.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class CompiledMainTemplate : ICollectionFixture<MainTemplateFixture>
{
    public const string Name = "Compiled main template";
}
