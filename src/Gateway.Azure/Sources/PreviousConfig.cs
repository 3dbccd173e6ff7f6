namespace FunctionGateway.Azure.Sources;

/// <summary>The version of the config blob before the current one, and where it was found (<c>version 2026-...</c>, <c>snapshot 2026-...</c>).</summary>
public sealed record PreviousConfig(string Text, string Label);
