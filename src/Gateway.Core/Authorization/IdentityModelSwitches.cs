using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace FunctionGateway.Authorization;

/// <summary>
/// The IdentityModel behaviour the gateway relies on. IdentityModel reads its switches once, at its first use
/// in the process, so they are set when this assembly loads: before any gateway code can use IdentityModel.
/// </summary>
internal static class IdentityModelSwitches
{
    /// <summary>
    /// Without this switch a key refresh runs in the background and the request that asked for it (a new kid
    /// after a rotation) is refused while it runs; with it, that request waits for the new keys.
    /// </summary>
    public static void Apply() => AppContext.SetSwitch("Switch.Microsoft.IdentityModel.UpdateConfigAsBlocking", true);

    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "The switch must be set before the host's first IdentityModel call, which may precede any gateway type's use.")]
    internal static void OnAssemblyLoad() => Apply();
}
