namespace FunctionGateway.Integrations;

internal enum BackendPathPartKind
{
    Literal,
    Parameter,
    Remainder,
}

/// <summary>A piece of a backend path: literal path text, a route parameter's name, or the wildcard's remainder.</summary>
internal readonly record struct BackendPathPart(BackendPathPartKind Kind, string Text);
