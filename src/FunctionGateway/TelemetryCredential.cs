using Azure.Core;
using Azure.Identity;

namespace FunctionGateway.Functions;

/// <summary>
/// The identity telemetry is sent with, from <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c>, the setting the
/// Functions host reads for its own telemetry: <c>Authorization=AAD</c> for the system-assigned managed identity,
/// with <c>;ClientId=&lt;id&gt;</c> for a user-assigned one. The Application Insights resource refuses telemetry
/// sent with its instrumentation key alone (local authentication is off), so the worker's exporter uses the same
/// identity as the host's.
/// </summary>
internal static class TelemetryCredential
{
    public const string SettingName = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>The credential the setting names; null when it is unset or asks for no Entra authentication.</summary>
    public static TokenCredential? FromSetting(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        string? authorization = null, clientId = null;
        foreach (var part in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var name = part[..equals].Trim();
            if (name.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
            {
                authorization = part[(equals + 1)..].Trim();
            }
            else if (name.Equals("ClientId", StringComparison.OrdinalIgnoreCase))
            {
                clientId = part[(equals + 1)..].Trim();
            }
        }

        if (!"AAD".Equals(authorization, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return new ManagedIdentityCredential(string.IsNullOrEmpty(clientId)
            ? ManagedIdentityId.SystemAssigned
            : ManagedIdentityId.FromUserAssignedClientId(clientId));
    }
}
