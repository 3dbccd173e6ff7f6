using System.Runtime.CompilerServices;
using FunctionGateway.Authorization;

namespace FunctionGateway.Tooling.Tests.Support;

internal static class TestAssemblySetup
{
    // Test discovery mints tokens with IdentityModel before any gateway type is touched, and IdentityModel
    // reads its switches once: apply the gateway's switches first, as loading the gateway does in its hosts.
    [ModuleInitializer]
    internal static void Initialize() => IdentityModelSwitches.Apply();
}
