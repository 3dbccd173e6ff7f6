namespace FunctionGateway.Cli.Import;

internal enum ProxyTokenKind
{
    Literal,

    /// <summary><c>%NAME%</c>: an app setting.</summary>
    AppSetting,

    /// <summary><c>{...}</c>: a route parameter or a request or back-end value such as <c>request.headers.x</c>.</summary>
    Reference,
}

/// <summary>A piece of a proxies.json value: literal text, an app setting's name, or what a <c>{...}</c> refers to.</summary>
internal readonly record struct ProxyToken(ProxyTokenKind Kind, string Text);
