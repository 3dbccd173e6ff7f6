namespace FunctionGateway.Mapping;

internal enum MappingSource
{
    Literal,
    Header,
    Query,
    Jwt,
    Path,
}
