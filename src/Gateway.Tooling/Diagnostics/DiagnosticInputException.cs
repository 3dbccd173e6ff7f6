namespace FunctionGateway.Tooling.Diagnostics;

/// <summary>
/// Input to <c>gateway explain</c> or <c>gateway token</c> that cannot be used: a token for a header the request
/// already sets, an authorizer whose key the config does not hold, a bad <c>Gateway:*</c> setting.
/// </summary>
public sealed class DiagnosticInputException : Exception
{
    public DiagnosticInputException()
    {
    }

    public DiagnosticInputException(string message) : base(message)
    {
    }

    public DiagnosticInputException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
