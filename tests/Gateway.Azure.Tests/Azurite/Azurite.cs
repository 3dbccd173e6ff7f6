using Azure.Storage.Blobs;

namespace FunctionGateway.Azure.Tests.Azurite;

/// <summary>The Azurite instance the test command starts; each test gets a container of its own.</summary>
internal static class Azurite
{
    public const string Variable = "GATEWAY_TEST_AZURITE";

    public static string ConnectionString => Environment.GetEnvironmentVariable(Variable)
        ?? throw new InvalidOperationException(
            $"{Variable} is not set: run the tests with ./test.sh, which starts Azurite and sets it to its connection string");

    public static async Task<BlobContainerClient> CreateContainerAsync()
    {
        var container = new BlobContainerClient(ConnectionString, "test-" + Guid.NewGuid().ToString("N"));
        await container.CreateAsync();
        return container;
    }

    public static Task UploadAsync(this BlobContainerClient container, string blob, string text) =>
        container.GetBlobClient(blob).UploadAsync(BinaryData.FromString(text), overwrite: true);
}
