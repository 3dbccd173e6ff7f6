namespace FunctionGateway.Mapping;

/// <summary>A piece of a mapping value: literal text, or a value read from the request or its token.</summary>
internal readonly record struct MappingPart(MappingSource Source, string Text);
