namespace FunctionGateway.Cli.Import;

/// <summary>A converted <c>backendUri</c>: the server it goes to, the backend path template and the query it adds.</summary>
internal sealed record BackendTarget(string Server, string Path, IReadOnlyList<KeyValuePair<string, string>> Query);
