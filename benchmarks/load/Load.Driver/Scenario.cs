namespace FunctionGateway.Load.Driver;

/// <summary>One row of the table: a server and the URL it is driven at. Every request carries the run's token.</summary>
internal sealed record Scenario(string Key, string Label, string Url);
