namespace FunctionGateway.Load.Driver;

/// <summary>
/// One row of the table: a server and the URL it is driven at. Every request carries the run's token, or with
/// <paramref name="FreshTokens"/> one the server has not seen for a long while (<see cref="FreshTokenScript"/>).
/// </summary>
internal sealed record Scenario(string Key, string Label, string Url, bool FreshTokens = false);
