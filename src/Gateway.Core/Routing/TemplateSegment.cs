namespace FunctionGateway.Routing;

/// <summary>A literal segment, or a parameter (whose <see cref="Value"/> is its name).</summary>
public readonly record struct TemplateSegment(string Value, bool IsParameter);
