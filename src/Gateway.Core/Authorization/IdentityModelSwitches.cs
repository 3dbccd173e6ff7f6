namespace FunctionGateway.Authorization;

/// <summary>
/// The IdentityModel behaviour the gateway relies on. IdentityModel reads its switches once, when its first
/// token handler or configuration manager is created, so this runs before the gateway creates either.
/// </summary>
internal static class IdentityModelSwitches
{
    /// <summary>
    /// Without this switch a key refresh runs in the background and the request that asked for it (a new kid
    /// after a rotation) is refused while it runs; with it, that request waits for the new keys.
    /// </summary>
    public static void Apply() => AppContext.SetSwitch("Switch.Microsoft.IdentityModel.UpdateConfigAsBlocking", true);
}
