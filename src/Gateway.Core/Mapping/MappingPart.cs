namespace FunctionGateway.Mapping;

internal enum MappingSource
{
    Literal,
    Header,
    Query,
    Jwt,
    Path,
}

/// <summary>A piece of a mapping value: literal text, or a value read from the request or its token.</summary>
internal readonly record struct MappingPart(MappingSource Source, string Text);
