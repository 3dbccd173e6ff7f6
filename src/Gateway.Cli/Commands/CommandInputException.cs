namespace FunctionGateway.Cli.Commands;

/// <summary>An option value or input file the command cannot use; its message is printed as is and the command exits with 2.</summary>
internal sealed class CommandInputException : Exception
{
    public CommandInputException()
    {
    }

    public CommandInputException(string message) : base(message)
    {
    }

    public CommandInputException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
