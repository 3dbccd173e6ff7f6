namespace FunctionGateway.Configuration;

/// <summary>A <c>$env.NAME</c> or <c>$secret.NAME</c> reference found in a config, and whether it resolved.</summary>
public sealed record ConfigReference(ConfigReferenceKind Kind, string Name, string Location, bool Resolved)
{
    /// <summary>The reference as a config writes it (<c>$secrets.NAME</c> is shown as <c>$secret.NAME</c>); never its value.</summary>
    public string Text => Kind == ConfigReferenceKind.Environment ? $"$env.{Name}" : $"$secret.{Name}";
}
