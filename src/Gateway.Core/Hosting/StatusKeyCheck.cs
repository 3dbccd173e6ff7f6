namespace FunctionGateway.Hosting;

/// <summary>What a request to the status endpoint carried in <see cref="StatusKey.HeaderName"/>.</summary>
internal enum StatusKeyCheck
{
    Accepted,
    Missing,
    Wrong,
}
