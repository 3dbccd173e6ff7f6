namespace FunctionGateway.Configuration;

public enum ConfigReferenceKind
{
    Environment,
    Secret,
}

/// <summary>A <c>$env.NAME</c> or <c>$secret.NAME</c> reference found in a config, and whether it resolved.</summary>
public sealed record ConfigReference(ConfigReferenceKind Kind, string Name, string Location, bool Resolved);
